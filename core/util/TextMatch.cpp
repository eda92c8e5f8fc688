#include "TextMatch.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace gatehouse {

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> prev(static_cast<size_t>(m + 1));
    std::vector<int> cur(static_cast<size_t>(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        prev[static_cast<size_t>(j)] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        const QChar ca = a[i - 1].toLower();
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = ca == b[j - 1].toLower() ? 0 : 1;
            cur[static_cast<size_t>(j)] =
                std::min({prev[static_cast<size_t>(j)] + 1, cur[static_cast<size_t>(j - 1)] + 1,
                          prev[static_cast<size_t>(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[static_cast<size_t>(m)];
}

QStringList closeMatches(const QString &query, const QStringList &candidates, int limit)
{
    struct Scored
    {
        int score;
        QString text;
    };
    std::vector<Scored> scored;
    // The search costs the product of the lengths: past a name's usual length, no suggestion.
    if (query.size() > maxQueryLength)
        return {};
    const QString q = query.toLower();
    // Generous enough to catch typos, strict enough to avoid listing everything.
    const int threshold = std::max(2, static_cast<int>(q.size() / 3));
    for (const QString &c : candidates) {
        if (c.size() > maxQueryLength)
            continue;
        const QString lc = c.toLower();
        int score = editDistance(q, lc);
        // The part after "provider:" is what people usually mistype or leave out.
        const qsizetype colon = lc.indexOf(QLatin1Char(':'));
        if (colon >= 0 && !q.contains(QLatin1Char(':')))
            score = std::min(score, editDistance(q, QStringView(lc).mid(colon + 1)));
        if (score > threshold && !(q.size() >= 3 && lc.contains(q)))
            continue;
        scored.push_back({score, c});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored &x, const Scored &y) { return x.score < y.score; });
    QStringList out;
    for (const auto &s : scored) {
        if (out.size() >= limit)
            break;
        if (!out.contains(s.text))
            out << s.text;
    }
    return out;
}

bool containsBytes(QByteArrayView haystack, QByteArrayView needle)
{
#ifdef __GLIBC__
    if (needle.isEmpty())
        return true;
    if (haystack.size() < needle.size()) // also an empty haystack, whose data may be null
        return false;
    return ::memmem(haystack.data(), static_cast<size_t>(haystack.size()), needle.data(),
                    static_cast<size_t>(needle.size())) != nullptr;
#else
    return haystack.contains(needle);
#endif
}

} // namespace gatehouse
