#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace gatehouse {

namespace {
constexpr QByteArrayView activateMessage{"activate\n"};
}

SingleInstance::SingleInstance(const QString &configDirectory, QObject *parent) : QObject(parent)
{
    const QByteArray folder = QDir(configDirectory).absolutePath().toUtf8();
    const QByteArray user = qgetenv("USER");
    m_name = QStringLiteral("gatehouse-") +
             QString::fromLatin1(QCryptographicHash::hash(QByteArray(user + '\0' + folder),
                                                          QCryptographicHash::Sha256)
                                     .toHex()
                                     .left(24));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::claim()
{
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(1000)) {
            probe.write(activateMessage.data(), activateMessage.size());
            probe.waitForBytesWritten(1000);
            probe.disconnectFromServer();
            return false;
        }
    }
    // Nobody answered: any socket file left is from a process that ended.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return true; // cannot listen: still run, just without the forwarding
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().startsWith("activate"))
                    emit activationRequested();
            });
        }
    });
    return true;
}

} // namespace gatehouse
