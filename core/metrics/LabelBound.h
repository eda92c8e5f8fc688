#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <string>

namespace gatehouse {

// Keeps the values of one metric label few, whatever clients send: configured values pass,
// and so do the first `extraLimit` others; every later one becomes "other". Each value's
// label text is made once and kept, so a request costs one hash lookup.
class LabelBound
{
public:
    explicit LabelBound(int extraLimit) : m_extraLimit(extraLimit) {}

    // The values that always pass (configured providers, models). Values that passed
    // earlier keep passing, so that a series never changes its name.
    void setKnown(const QSet<QString> &known);
    // The label for `value`: itself, or "other".
    const std::string &label(const QString &value);
    int extraCount() const { return m_extras; }

    static const std::string &other();

private:
    QSet<QString> m_known;
    QHash<QString, std::string> m_labels; // every value that passed, and those that did not
    int m_extraLimit;
    int m_extras = 0;
};

} // namespace gatehouse
