#include "GatewayRuntime.h"

#include "config/AccessKey.h"
#include "log/CaptureStore.h"
#include "log/RequestLog.h"
#include "log/ResponseStore.h"
#include "secrets/SecretStore.h"

#include <QDir>
#include <QFileSystemWatcher>
#include <QHostAddress>
#include <QTimer>
#include <sys/stat.h>

namespace gatehouse {

GatewayRuntime::GatewayRuntime(const ConfigStore &store, SecretStore *secrets, Overrides overrides,
                               QObject *parent)
    : QObject(parent), m_store(store), m_secrets(secrets), m_overrides(std::move(overrides)),
      m_service(new GatewayService(this)), m_watcher(new QFileSystemWatcher(this)),
      m_reloadTimer(new QTimer(this)), m_flushTimer(new QTimer(this))
{
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(
        150); // editors and QSaveFile touch the folder several times per save
    connect(m_reloadTimer, &QTimer::timeout, this, &GatewayRuntime::reload);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));

    m_flushTimer->setInterval(30'000);
    connect(m_flushTimer, &QTimer::timeout, this, &GatewayRuntime::flushLastUsed);
    const auto internal =
        AccessKeys::create(internalKeyName(), systemRandomBytes, QDateTime::currentDateTimeUtc());
    m_internalKey = internal.key;
    m_internalKeyHash = internal.record.hash;
    connect(m_service, &GatewayService::accessKeyUsed, this, [this](const QString &name) {
        if (name == internalKeyName())
            return;
        m_lastUsed.insert(name, QDateTime::currentDateTimeUtc());
        m_lastUsedDirty = true;
    });
    connect(m_service, &GatewayService::listening, this,
            [this](const QHostAddress &address, quint16 port) {
                const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                         ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                         : address.toString();
                m_url = QStringLiteral("http://%1:%2").arg(host).arg(port);
                emit listening(m_url);
            });
    connect(m_service, &GatewayService::startFailed, this, &GatewayRuntime::startFailed);
}

GatewayRuntime::~GatewayRuntime()
{
    flushLastUsed();
    m_service->stop();
}

void GatewayRuntime::applyOverrides(Config &config) const
{
    if (m_overrides.port)
        config.gateway.port = *m_overrides.port;
    if (m_overrides.bindAddress)
        config.gateway.bindAddress = *m_overrides.bindAddress;
    if (m_service->isListening())
        config.gateway.port = m_service->port(); // a reload never moves a running gateway
}

QUrl GatewayRuntime::localUrl() const
{
    QUrl url(m_url);
    if (m_url.isEmpty())
        return {};
    const QHostAddress host(url.host());
    if (host.isEqual(QHostAddress(QHostAddress::AnyIPv4)))
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (host.isEqual(QHostAddress(QHostAddress::AnyIPv6)))
        url.setHost(QStringLiteral("::1"));
    return url;
}

QString GatewayRuntime::internalKeyName()
{
    // Not a valid access key name, so it can never clash with one the user creates.
    return QStringLiteral("(chat panel)");
}

GatewaySnapshotPtr GatewayRuntime::snapshotFor(const Config &config,
                                               const QHash<QString, QByteArray> &keys,
                                               const QHash<QString, QString> &errors) const
{
    auto snapshot =
        std::make_shared<GatewaySnapshot>(*GatewaySnapshot::build(config, keys, errors, m_catalog));
    snapshot->accessKeys.append({internalKeyName(), m_internalKeyHash});
    return snapshot;
}

void GatewayRuntime::loadCatalog()
{
    auto catalog =
        Catalog::withUserFile(QDir(m_store.directory()).filePath(Catalog::userFileName()));
    if (!catalog) {
        emit configError(catalog.error());
        m_catalog = std::make_shared<const Catalog>(Catalog::builtIn());
        return;
    }
    m_catalog = std::make_shared<const Catalog>(std::move(catalog).value());
}

Status GatewayRuntime::start()
{
    m_loadedFingerprint = sourcesFingerprint();
    auto config = m_store.load();
    if (!config)
        return Status::failure(config.error());
    loadCatalog();
    const bool haveFolder = ConfigStore::createPrivateDirectory(m_store.directory()).ok();
    if (!m_log && haveFolder) {
        auto *log = new RequestLog(
            QDir(m_store.directory()).filePath(QStringLiteral("requests.sqlite")), this);
        if (const Status opened = log->open(); opened) {
            m_log = log;
            connect(log, &RequestLog::writeStatusChanged, this, [this](const QString &error) {
                emit requestLogError(
                    error.isEmpty()
                        ? QString()
                        : tr("The request log cannot be written (%1); requests still count "
                             "towards limits.")
                              .arg(error));
            });
            m_service->setRequestLog(m_log);
        } else {
            delete log;
            emit configError(opened.error());
        }
    }
    if (!m_captures && haveFolder) {
        // Bodies only for key configurations that capture content; the file is made at once so
        // that it is the owner's alone from the start.
        auto store = std::make_unique<CaptureStore>(
            QDir(m_store.directory()).filePath(QStringLiteral("captures.sqlite")));
        if (const Status opened = store->open(); opened) {
            m_captures = std::move(store);
            m_service->setCaptureStore(m_captures.get());
        } else {
            emit configError(opened.error());
        }
    }
    if (!m_responses && haveFolder) {
        auto store = std::make_unique<ResponseStore>(
            QDir(m_store.directory()).filePath(QStringLiteral("responses.sqlite")));
        if (const Status opened = store->open(); opened) {
            m_responses = std::move(store);
            m_service->setResponseStore(m_responses.get());
        } else {
            emit configError(opened.error());
        }
    }
    applyOverrides(config.value());
    m_config = config.value();
    m_lastUsed = m_store.loadLastUsed();
    // Serve at once; provider keys follow as soon as the keychain answers.
    m_snapshot = snapshotFor(config.value(), {}, {});
    m_paused = false;
    m_service->start(m_snapshot);
    loadKeysAndApply(config.value(), ++m_generation);
    if (haveFolder && m_watcher->directories().isEmpty())
        m_watcher->addPath(m_store.directory());
    m_flushTimer->start();
    return {};
}

void GatewayRuntime::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_service->stop();
    m_url.clear();
    emit stopped();
}

void GatewayRuntime::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_service->start(m_snapshot);
}

void GatewayRuntime::restart()
{
    m_service->stop();
    m_url.clear();
    emit stopped();
    if (const Status s = start(); !s)
        emit startFailed(s.error());
}

QByteArray GatewayRuntime::sourcesFingerprint() const
{
    QByteArray out;
    for (const QString &path :
         {m_store.configPath(), QDir(m_store.directory()).filePath(Catalog::userFileName())}) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
            out += "-;";
            continue;
        }
        out += QByteArray::number(qulonglong(st.st_dev)) + ',' +
               QByteArray::number(qulonglong(st.st_ino)) + ',' +
               QByteArray::number(qlonglong(st.st_size)) + ',' +
               QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.' +
               QByteArray::number(qlonglong(st.st_mtim.tv_nsec)) + ',' +
               QByteArray::number(qlonglong(st.st_ctim.tv_sec)) + '.' +
               QByteArray::number(qlonglong(st.st_ctim.tv_nsec)) + ';';
    }
    return out;
}

void GatewayRuntime::reload()
{
    const QByteArray fingerprint = sourcesFingerprint();
    if (fingerprint == m_loadedFingerprint)
        return;
    m_loadedFingerprint = fingerprint;
    auto config = m_store.load();
    if (!config) {
        emit configError(config.error());
        return;
    }
    // A save replaces the file, so a watch on the file itself ends with each save.
    if (QFile::exists(m_store.configPath()) && !m_watcher->files().contains(m_store.configPath()))
        m_watcher->addPath(m_store.configPath());
    applyOverrides(config.value());
    m_config = config.value();
    loadCatalog();
    loadKeysAndApply(config.value(), ++m_generation);
}

void GatewayRuntime::loadKeysAndApply(const Config &config, quint64 generation)
{
    struct Pending
    {
        Config config;
        QHash<QString, QByteArray> keys;
        QHash<QString, QString> errors;
        int outstanding = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->config = config;
    auto finish = [this, pending, generation] {
        if (generation != m_generation)
            return; // a newer config arrived meanwhile
        m_snapshot = snapshotFor(pending->config, pending->keys, pending->errors);
        m_service->updateSnapshot(m_snapshot);
        emit configReloaded();
    };
    // Every stored secret: the main key, the labelled ones, credential headers and query
    // parameters.
    QList<QPair<QString, QString>> wanted; // id in the snapshot, keychain entry name
    for (const Provider &p : config.providers) {
        if (p.hasKey)
            wanted.append({p.id, SecretStore::providerKeyName(config.instanceId, p.id)});
        for (const QString &label : p.keyLabels)
            wanted.append({SecretStore::providerKeyId(p.id, label),
                           SecretStore::providerKeyName(config.instanceId, p.id, label)});
        for (const auto &[kind, names] : {qMakePair(QStringLiteral("header"), p.secretHeaders),
                                          qMakePair(QStringLiteral("query"), p.secretQueryItems)})
            for (const QString &name : names)
                wanted.append(
                    {SecretStore::providerSecretId(p.id, kind, name),
                     SecretStore::providerSecretName(config.instanceId, p.id, kind, name)});
    }
    pending->outstanding = int(wanted.size());
    if (pending->outstanding == 0) {
        finish();
        return;
    }
    for (const auto &entry : wanted) {
        const QString id = entry.first;
        m_secrets->read(entry.second, [this, pending, id, finish](const SecretResult &r) {
            if (r.ok()) {
                pending->keys.insert(id, r.value);
            } else {
                pending->errors.insert(id, r.errorString);
                emit keychainError(tr("Provider \"%1\": %2").arg(id, r.errorString));
            }
            if (--pending->outstanding == 0)
                finish();
        });
    }
}

void GatewayRuntime::flushLastUsed()
{
    if (!m_lastUsedDirty)
        return;
    m_lastUsedDirty = false;
    // Merge with what is on disk: another Gatehouse process may use the same folder.
    QHash<QString, QDateTime> merged = m_store.loadLastUsed();
    for (auto it = m_lastUsed.constBegin(); it != m_lastUsed.constEnd(); ++it) {
        if (!merged.contains(it.key()) || merged.value(it.key()) < it.value())
            merged.insert(it.key(), it.value());
    }
    m_store.saveLastUsed(merged);
}

} // namespace gatehouse
