#include "RandomSource.h"

#include <QRandomGenerator>

namespace gatehouse {

QByteArray systemRandomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    // QRandomGenerator::system() reads the kernel's CSPRNG (getrandom / /dev/urandom).
    auto *gen = QRandomGenerator::system();
    int i = 0;
    while (i < count) {
        const quint32 word = gen->generate();
        for (int b = 0; b < 4 && i < count; ++b, ++i)
            bytes[i] = static_cast<char>((word >> (8 * b)) & 0xff);
    }
    return bytes;
}

} // namespace gatehouse
