#pragma once

#include <QDateTime>
#include <functional>

namespace gatehouse {

// Replaceable source of wall-clock time, so tests can fix "now".
using WallClock = std::function<QDateTime()>;

inline QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace gatehouse
