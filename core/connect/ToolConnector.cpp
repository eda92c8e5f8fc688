#include "ToolConnector.h"

#include "config/ConfigEditor.h"
#include "config/ModelReference.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return translateConnect(text);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QString recordName = QStringLiteral("connect.json");

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// What Connect knows about one file it wrote.
struct FileRecord
{
    QString path;
    bool existed = false;                   // the file was there before the first Connect
    QString backup;                         // the copy of it then, in the state folder
    QFileDevice::Permissions permissions{}; // its permissions then
    QString written;                        // SHA-256 of what Connect wrote last
};

struct ToolRecord
{
    QList<FileRecord> files;

    const FileRecord *find(const QString &path) const
    {
        for (const FileRecord &f : files) {
            if (f.path == path)
                return &f;
        }
        return nullptr;
    }
};

std::optional<ToolRecord> loadRecord(const QString &folder)
{
    QFile file(folder + QLatin1Char('/') + recordName);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    ToolRecord record;
    const QJsonArray files = json.value(QLatin1String("files")).toArray();
    for (const QJsonValue v : files) {
        const QJsonObject f = v.toObject();
        record.files.append(
            {f.value(QLatin1String("path")).toString(), f.value(QLatin1String("existed")).toBool(),
             f.value(QLatin1String("backup")).toString(),
             QFileDevice::Permissions(f.value(QLatin1String("permissions")).toInt()),
             f.value(QLatin1String("written")).toString()});
    }
    return record;
}

Status writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    // A link (a dotfiles manager's) keeps pointing where it did: the file it names is written.
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.symLinkTarget() : path;
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Status::failure(tr("%1: cannot create its folder").arg(target));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() ||
        !file.setPermissions(permissions) || !file.commit())
        return Status::failure(tr("%1: cannot write it: %2").arg(target, file.errorString()));
    // QSaveFile may keep the old file's permissions; owner-only is what we promised.
    QFile::setPermissions(target, permissions);
    return {};
}

Status saveRecord(const QString &folder, const ToolRecord &record)
{
    QJsonArray files;
    for (const FileRecord &f : record.files) {
        files.append(QJsonObject{{QLatin1String("path"), f.path},
                                 {QLatin1String("existed"), f.existed},
                                 {QLatin1String("backup"), f.backup},
                                 {QLatin1String("permissions"), static_cast<int>(f.permissions)},
                                 {QLatin1String("written"), f.written}});
    }
    return writeFile(folder + QLatin1Char('/') + recordName,
                     QJsonDocument(QJsonObject{{QLatin1String("files"), files}}).toJson(),
                     ownerOnly);
}

// The file's bytes; empty when it does not exist. An error when it exists but cannot be read.
Result<std::optional<QByteArray>> readFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return std::optional<QByteArray>{};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<std::optional<QByteArray>>::failure(file.errorString());
    return std::optional<QByteArray>{file.readAll()};
}

QString findExecutable(const QString &name, const QString &path)
{
    return QStandardPaths::findExecutable(name, path.split(QLatin1Char(':'), Qt::SkipEmptyParts));
}

// The gateway root from what the user typed: no trailing slash, no /v1.
Result<QString> normalisedRoot(const QString &url)
{
    QString root = url.trimmed();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    if (root.endsWith(QLatin1String("/v1")))
        root.chop(3);
    const QUrl parsed(root, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")) ||
        parsed.hasQuery() || parsed.hasFragment())
        return Result<QString>::failure(
            tr("\"%1\" is not a gateway address such as http://127.0.0.1:4777.").arg(url));
    return root;
}

} // namespace

ToolConnector::ToolConnector(ConfigStore store, ToolEnvironment environment, RandomSource random,
                             WallClock clock)
    : m_store(std::move(store)), m_environment(std::move(environment)), m_random(std::move(random)),
      m_clock(std::move(clock))
{
}

QString ToolConnector::stateFolder(const QString &toolId) const
{
    return m_store.directory() + QStringLiteral("/connect/") + toolId;
}

QString ToolConnector::displayPath(const QString &path) const
{
    const QString home = QDir::cleanPath(m_environment.home);
    if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
    return path;
}

QList<ToolStatus> ToolConnector::statusAll() const
{
    QList<ToolStatus> all;
    for (const ToolInfo &t : toolCatalog())
        all.append(status(t.id));
    return all;
}

ToolStatus ToolConnector::status(const QString &toolId) const
{
    ToolStatus s;
    const ToolInfo *tool = findTool(toolId);
    if (!tool) {
        s.id = toolId;
        s.problem = tr("\"%1\" is not a tool Gatehouse knows.").arg(toolId);
        return s;
    }
    s.id = tool->id;
    s.displayName = tool->displayName;
    s.supported = tool->wiring != nullptr;
    s.installed = QFileInfo(tool->configFolderPath(m_environment)).isDir();
    for (const QString &e : tool->executables)
        s.installed = s.installed || !findExecutable(e, m_environment.path).isEmpty();
    if (!s.supported)
        return s;

    bool allWired = true;
    QString key;
    for (const auto &wiring : tool->wiring()) {
        const QString path = wiring->path(m_environment);
        s.files.append(path);
        const auto content = readFile(path);
        if (!content) {
            s.problem = displayPath(path) + QStringLiteral(": ") + content.error();
            allWired = false;
            continue;
        }
        if (!content.value()) {
            allWired = false;
            continue;
        }
        const auto values = wiring->read(*content.value());
        if (!values) {
            s.problem = displayPath(path) + QStringLiteral(": ") + values.error();
            allWired = false;
            continue;
        }
        allWired = allWired && values->wired;
        if (s.url.isEmpty())
            s.url = values->url;
        if (key.isEmpty())
            key = values->key;
        if (s.model.isEmpty())
            s.model = values->model;
        if (s.smallModel.isEmpty())
            s.smallModel = values->smallModel;
    }
    s.wired = allWired;
    if (s.wired && loadRecord(stateFolder(tool->id))) {
        const auto config = m_store.load();
        const AccessKeyRecord *record = config ? config->findAccessKey(tool->keyName()) : nullptr;
        s.connected =
            record && record->isActive() &&
            AccessKeys::constantTimeEquals(record->hash, AccessKeys::hashOf(key.toUtf8()));
    }
    return s;
}

Result<ToolStatus> ToolConnector::connect(const QString &toolId, const ConnectRequest &request)
{
    using Failure = Result<ToolStatus>;
    const ToolInfo *tool = findTool(toolId);
    if (!tool)
        return Failure::failure(tr("\"%1\" is not a tool Gatehouse knows.").arg(toolId));
    if (!tool->wiring)
        return Failure::failure(tr("Gatehouse cannot connect %1 yet.").arg(tool->displayName));

    const auto config = m_store.load();
    if (!config)
        return Failure::failure(config.error());
    if (const Status s = checkModel(config.value(), request.model); !s)
        return Failure::failure(s.error());
    if (!request.smallModel.isEmpty()) {
        if (const Status s = checkModel(config.value(), request.smallModel); !s)
            return Failure::failure(s.error());
    }
    const auto root =
        normalisedRoot(request.url.isEmpty() ? defaultGatewayUrl(config.value()) : request.url);
    if (!root)
        return Failure::failure(root.error());
    WiringSettings settings{root.value(),
                            {},
                            request.model,
                            request.smallModel.isEmpty() ? request.model : request.smallModel};

    // Every file is read and merged once before anything changes, so that a file that
    // cannot be parsed stops Connect before a key is made or another file is written.
    struct Planned
    {
        std::shared_ptr<const FileWiring> wiring;
        QString path;
        std::optional<QByteArray> current;
    };
    QList<Planned> plan;
    for (const auto &wiring : tool->wiring()) {
        const QString path = wiring->path(m_environment);
        const auto current = readFile(path);
        if (!current)
            return Failure::failure(displayPath(path) + QStringLiteral(": ") + current.error());
        WiringSettings trial = settings;
        trial.key = QStringLiteral("ghk_trial");
        if (const auto merged = wiring->merge(current.value(), trial); !merged)
            return Failure::failure(displayPath(path) + QStringLiteral(": ") + merged.error());
        plan.append({wiring, path, current.value()});
    }

    const QString folder = stateFolder(tool->id);
    if (const Status s = ConfigStore::createPrivateDirectory(folder); !s)
        return Failure::failure(s.error());

    // A new key for each Connect: the one an earlier Connect wrote is revoked.
    const QDateTime now = m_clock();
    if (const Status s = m_store.update([&](Config &c) -> Status {
            if (const AccessKeyRecord *old = c.findAccessKey(tool->keyName());
                old && old->isActive()) {
                if (const Status r = ConfigEditor::revokeAccessKey(c, tool->keyName(), now); !r)
                    return r;
            }
            auto created = ConfigEditor::createAccessKey(c, tool->keyName(), {}, m_random, now);
            if (!created)
                return Status::failure(created.error());
            settings.key = created.value();
            return {};
        });
        !s)
        return Failure::failure(s.error());

    ToolRecord record = loadRecord(folder).value_or(ToolRecord{});
    auto undoKey = [&](const QString &error) {
        m_store.update([&](Config &c) -> Status {
            return ConfigEditor::revokeAccessKey(c, tool->keyName(), m_clock());
        });
        return Failure::failure(error);
    };
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const Planned &p = plan[i];
        const auto merged = p.wiring->merge(p.current, settings);
        if (!merged)
            return undoKey(displayPath(p.path) + QStringLiteral(": ") + merged.error());
        if (!record.find(p.path)) {
            // The first change of this file: keep it as it was.
            FileRecord f;
            f.path = p.path;
            f.existed = p.current.has_value();
            if (f.existed) {
                f.backup = QStringLiteral("%1-%2.orig").arg(i).arg(QFileInfo(p.path).fileName());
                f.permissions = QFile::permissions(p.path);
                if (const Status s =
                        writeFile(folder + QLatin1Char('/') + f.backup, *p.current, ownerOnly);
                    !s)
                    return undoKey(s.error());
            }
            record.files.append(f);
        }
        if (const Status s = writeFile(p.path, merged.value(), ownerOnly); !s)
            return undoKey(s.error());
        for (FileRecord &f : record.files) {
            if (f.path == p.path)
                f.written = sha256Hex(merged.value());
        }
        if (const Status s = saveRecord(folder, record); !s)
            return undoKey(s.error());
    }
    return status(tool->id);
}

Status ToolConnector::disconnect(const QString &toolId)
{
    const ToolInfo *tool = findTool(toolId);
    if (!tool)
        return Status::failure(tr("\"%1\" is not a tool Gatehouse knows.").arg(toolId));
    if (!tool->wiring)
        return Status::failure(tr("Gatehouse cannot connect %1 yet.").arg(tool->displayName));
    const QString folder = stateFolder(tool->id);
    const std::optional<ToolRecord> record = loadRecord(folder);

    // Everything is worked out before anything is written.
    struct Change
    {
        QString path;
        std::optional<QByteArray> content; // empty: remove the file
        QFileDevice::Permissions permissions;
    };
    QList<Change> changes;
    bool wiredAnywhere = false;
    for (const auto &wiring : tool->wiring()) {
        const QString path = wiring->path(m_environment);
        const auto current = readFile(path);
        if (!current)
            return Status::failure(displayPath(path) + QStringLiteral(": ") + current.error());
        const FileRecord *f = record ? record->find(path) : nullptr;
        if (!current.value())
            continue; // gone already
        std::optional<QByteArray> original;
        if (f && f->existed) {
            const auto backup = readFile(folder + QLatin1Char('/') + f->backup);
            if (!backup || !backup.value())
                return Status::failure(tr("The copy of %1 from before Connect is missing from %2.")
                                           .arg(displayPath(path), folder));
            original = backup.value();
        }
        if (f && sha256Hex(*current.value()) == f->written) {
            // Nobody changed it since Connect: back to the very bytes it had.
            changes.append({path, original, f->permissions ? f->permissions : ownerOnly});
            wiredAnywhere = true;
            continue;
        }
        const auto values = wiring->read(*current.value());
        if (!values)
            return Status::failure(displayPath(path) + QStringLiteral(": ") + values.error());
        if (!values->wired && !f)
            continue;
        const auto unmerged = wiring->unmerge(*current.value(), original);
        if (!unmerged)
            return Status::failure(displayPath(path) + QStringLiteral(": ") + unmerged.error());
        wiredAnywhere = true;
        changes.append(
            {path, std::optional<QByteArray>(unmerged.value()), QFile::permissions(path)});
    }

    const auto config = m_store.load();
    if (!config)
        return Status::failure(config.error());
    const AccessKeyRecord *key = config->findAccessKey(tool->keyName());
    const bool keyActive = key && key->isActive();
    if (!wiredAnywhere && !keyActive && !record)
        return Status::failure(tr("%1 is not connected.").arg(tool->displayName));

    for (const Change &c : changes) {
        if (!c.content) {
            if (!QFile::remove(c.path))
                return Status::failure(tr("%1: cannot remove it").arg(displayPath(c.path)));
        } else if (const Status s = writeFile(c.path, *c.content, c.permissions); !s) {
            return s;
        }
    }
    if (keyActive) {
        if (const Status s = m_store.update([&](Config &c) -> Status {
                const AccessKeyRecord *k = c.findAccessKey(tool->keyName());
                if (!k || !k->isActive())
                    return {};
                return ConfigEditor::revokeAccessKey(c, tool->keyName(), m_clock());
            });
            !s)
            return s;
    }
    // The backups stay; the record goes, so that the next Connect starts afresh.
    QFile::remove(folder + QLatin1Char('/') + recordName);
    return {};
}

QString ToolConnector::defaultGatewayUrl(const Config &config)
{
    QHostAddress address(config.gateway.bindAddress);
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
        address == QHostAddress::Any)
        address = QHostAddress::LocalHost;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(config.gateway.port);
}

Status ToolConnector::checkModel(const Config &config, const QString &model)
{
    if (model.trimmed().isEmpty())
        return Status::failure(tr("Give a model: a route or PROVIDER:MODEL."));
    if (config.findRoute(model))
        return {};
    const auto reference = ModelReference::parse(model);
    if (!reference || !reference->hasProvider())
        return Status::failure(
            tr("\"%1\" is neither a route nor PROVIDER:MODEL of a configured provider.")
                .arg(model));
    const Provider *provider = config.findProvider(reference->provider);
    if (!provider)
        return Status::failure(
            tr("No provider \"%1\" is configured (in \"%2\").").arg(reference->provider, model));
    return {};
}

QString ToolConnector::suggestedModel(const Config &config)
{
    if (!config.routes.isEmpty())
        return config.routes.first().name;
    for (const Provider &p : config.providers) {
        if (!p.models.isEmpty())
            return p.id + QLatin1Char(':') + p.models.first();
    }
    return {};
}

} // namespace gatehouse
