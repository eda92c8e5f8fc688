#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <initializer_list>

namespace gatehouse {

// Strict reading of the config file's objects: a field of the wrong type is refused with
// its name (never read as empty and then saved over), and fields this version does not
// know are kept so that the next save writes them back unchanged.
namespace ConfigJson {

// Checks that `field` is absent or of `type`.
Status expect(const QJsonObject &object, QLatin1String field, QJsonValue::Type type);
// Checks that `field` is absent or an array whose items are all of `itemType`.
Status expectArrayOf(const QJsonObject &object, QLatin1String field, QJsonValue::Type itemType);
// Checks that `field` is absent or an object whose values are all of `valueType`.
Status expectObjectOf(const QJsonObject &object, QLatin1String field, QJsonValue::Type valueType);
// The members of `object` not named in `known`.
QJsonObject unknownFields(const QJsonObject &object, std::initializer_list<QLatin1String> known);
// Adds the members of `unknown` that `object` does not set itself.
void addUnknownFields(QJsonObject &object, const QJsonObject &unknown);

} // namespace ConfigJson

} // namespace gatehouse
