#pragma once

#include <QStringList>

namespace gatehouse {

// Edit distance between two strings (case-insensitive), for "did you mean" suggestions.
int editDistance(QStringView a, QStringView b);

// Up to `limit` candidates that look like `query`, closest first.
QStringList closeMatches(const QString &query, const QStringList &candidates, int limit = 3);

} // namespace gatehouse
