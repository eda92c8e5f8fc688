#pragma once

#include <QByteArrayView>
#include <QStringList>

namespace gatehouse {

// Edit distance between two strings (case-insensitive), for "did you mean" suggestions.
int editDistance(QStringView a, QStringView b);

// Up to `limit` candidates that look like `query`, closest first; none for a query (or
// candidate) longer than maxQueryLength.
constexpr qsizetype maxQueryLength = 256;
QStringList closeMatches(const QString &query, const QStringList &candidates, int limit = 3);

// Whether `needle` occurs in `haystack`: the C library's vectorised search where there is one
// (Qt's own search costs several times as much on the short needles that streams are
// checked for, once per event).
bool containsBytes(QByteArrayView haystack, QByteArrayView needle);

} // namespace gatehouse
