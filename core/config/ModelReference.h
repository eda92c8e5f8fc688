#pragma once

#include "util/Result.h"

#include <QString>

namespace gatehouse {

// A model as clients name it: "provider:model", split at the first colon, or a bare model name.
struct ModelReference
{
    QString provider; // empty for a bare name
    QString model;

    bool hasProvider() const { return !provider.isEmpty(); }
    QString toString() const;

    static Result<ModelReference> parse(const QString &text);
};

} // namespace gatehouse
