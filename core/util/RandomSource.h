#pragma once

#include <QByteArray>
#include <functional>

namespace gatehouse {

// Replaceable source of random bytes. The default is the operating system's CSPRNG.
using RandomSource = std::function<QByteArray(int count)>;

QByteArray systemRandomBytes(int count);

} // namespace gatehouse
