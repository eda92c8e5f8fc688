#include "LabelBound.h"

namespace gatehouse {

namespace {

constexpr qsizetype maxLabelLength = 128;

} // namespace

const std::string &LabelBound::other()
{
    static const std::string text("other");
    return text;
}

void LabelBound::setKnown(const QSet<QString> &known)
{
    m_known = known;
    // A value that was grouped as "other" before it was configured gets its own label now.
    for (auto it = m_labels.begin(); it != m_labels.end();) {
        if (it.value() == other() && m_known.contains(it.key()))
            it = m_labels.erase(it);
        else
            ++it;
    }
}

const std::string &LabelBound::label(const QString &value)
{
    if (const auto it = m_labels.constFind(value); it != m_labels.constEnd())
        return *it;
    const bool known = m_known.contains(value);
    const bool passes =
        known || (m_extras < m_extraLimit && !value.isEmpty() && value.size() <= maxLabelLength &&
                  value != QLatin1String("other"));
    if (passes && !known)
        ++m_extras;
    // Values that do not pass are remembered too (up to a point), so they cost no more than
    // the others; past that they are looked at each time, still without a new series.
    if (!passes && m_labels.size() >= 4 * (m_known.size() + m_extraLimit) + 64)
        return other();
    return *m_labels.insert(value, passes ? value.toStdString() : other());
}

} // namespace gatehouse
