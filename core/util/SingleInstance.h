#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace gatehouse {

// One Gatehouse window per user and config folder. The first launch listens on a local
// socket; a later launch finds it, asks it to come forward, and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &configDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the first; false when another one was asked to come forward.
    bool claim();
    QString socketName() const { return m_name; }

signals:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace gatehouse
