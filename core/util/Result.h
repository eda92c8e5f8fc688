#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace gatehouse {

// A value or a readable reason why there is none; callers cannot reach the value
// without deciding what to do about the error.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    static Result failure(const QString &error)
    {
        Result r;
        r.m_error = error;
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
};

// For operations that produce nothing but may fail.
class Status
{
public:
    Status() = default;
    static Status failure(const QString &error)
    {
        Status s;
        s.m_error = error;
        s.m_failed = true;
        return s;
    }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

} // namespace gatehouse
