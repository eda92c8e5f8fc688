#pragma once

#include <QStringList>

namespace gatehouse {

// Edit distance between two strings (case-insensitive), for "did you mean" suggestions.
int editDistance(QStringView a, QStringView b);

// Up to `limit` candidates that look like `query`, closest first; none for a query (or
// candidate) longer than maxQueryLength.
constexpr qsizetype maxQueryLength = 256;
QStringList closeMatches(const QString &query, const QStringList &candidates, int limit = 3);

} // namespace gatehouse
