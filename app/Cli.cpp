#include "Cli.h"

#include "config/UrlPolicy.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QString formatTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QStringLiteral("-");
}

QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const auto &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QString out;
    for (const auto &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace

Cli::Cli(ConfigStore store, SecretStore *secrets, FILE *out, FILE *err)
    : m_store(std::move(store)), m_secrets(secrets), m_out(out), m_err(err)
{
}

bool Cli::isCommand(const QString &word)
{
    return word == QLatin1String("provider") || word == QLatin1String("key");
}

int Cli::fail(const QString &message, int code)
{
    // One line, so scripts can show it as it is.
    std::fprintf(m_err, "gatehouse: %s\n", message.simplified().toLocal8Bit().constData());
    std::fflush(m_err);
    return code;
}

void Cli::print(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), m_out);
    std::fflush(m_out);
}

Result<Config> Cli::loadConfig()
{
    return m_store.load();
}

int Cli::saveConfig(const Config &config)
{
    if (auto s = m_store.save(config); !s)
        return fail(s.error());
    return 0;
}

SecretResult
Cli::waitFor(const std::function<void(std::function<void(const SecretResult &)>)> &operation)
{
    SecretResult result;
    QEventLoop loop;
    operation([&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

int Cli::run(const QStringList &words, const Options &options)
{
    const QString usage = tr("usage: gatehouse provider add|list|remove|set-key … or gatehouse key "
                             "create|list|revoke …");
    if (words.size() < 2)
        return fail(usage, 2);
    const QString &group = words[0];
    const QString &action = words[1];
    const QStringList args = words.mid(2);
    struct Command
    {
        const char *group;
        const char *action;
        int argCount;
        const char *argName;
        std::function<int()> run;
    };
    const Command commands[] = {
        {"provider", "add", 1, QT_TRANSLATE_NOOP("Cli", "one provider id"),
         [&] { return providerAdd(args.value(0), options); }},
        {"provider", "list", 0, QT_TRANSLATE_NOOP("Cli", "no arguments"),
         [&] { return providerList(); }},
        {"provider", "remove", 1, QT_TRANSLATE_NOOP("Cli", "one provider id"),
         [&] { return providerRemove(args.value(0)); }},
        {"provider", "set-key", 1, QT_TRANSLATE_NOOP("Cli", "one provider id"),
         [&] { return providerSetKey(args.value(0)); }},
        {"key", "create", 1, QT_TRANSLATE_NOOP("Cli", "one key name"),
         [&] { return keyCreate(args.value(0)); }},
        {"key", "list", 0, QT_TRANSLATE_NOOP("Cli", "no arguments"), [&] { return keyList(); }},
        {"key", "revoke", 1, QT_TRANSLATE_NOOP("Cli", "one key name"),
         [&] { return keyRevoke(args.value(0)); }},
    };
    for (const Command &c : commands) {
        if (group != QLatin1String(c.group) || action != QLatin1String(c.action))
            continue;
        if (args.size() != c.argCount)
            return fail(tr("\"%1 %2\" takes %3.").arg(group, action, tr(c.argName)), 2);
        return c.run();
    }
    return fail(tr("unknown command \"%1 %2\"; %3").arg(group, action, usage), 2);
}

int Cli::providerAdd(const QString &id, const Options &options)
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    if (auto s = Provider::validateId(id); !s)
        return fail(s.error());
    if (config->findProvider(id))
        return fail(
            tr("A provider named \"%1\" already exists; remove it first or pick another id.")
                .arg(id));
    if (options.url.isEmpty())
        return fail(tr("\"provider add\" needs --url URL."), 2);
    if (options.surface.isEmpty())
        return fail(tr("\"provider add\" needs --surface openai or --surface anthropic."), 2);
    Provider p;
    p.id = id;
    p.displayName = options.name;
    const auto url = UrlPolicy::checkBaseUrl(options.url);
    if (!url)
        return fail(url.error());
    p.baseUrl = url.value();
    const auto surface = parseApiSurface(options.surface);
    if (!surface)
        return fail(surface.error());
    p.surface = surface.value();
    for (const QString &m : options.models) {
        if (!p.models.contains(m))
            p.models << m;
    }
    for (const QString &h : options.headers) {
        const auto header = Provider::parseHeader(h);
        if (!header)
            return fail(header.error());
        p.extraHeaders.append(header.value());
    }
    if (auto s = p.validate(); !s)
        return fail(s.error());
    config->providers.append(p);
    if (int rc = saveConfig(config.value()))
        return rc;
    print(tr("Added provider \"%1\" (%2, %3).")
              .arg(id, apiSurfaceName(p.surface), p.baseUrl.toString()) +
          QLatin1Char('\n'));
    return 0;
}

int Cli::providerList()
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    if (config->providers.isEmpty()) {
        print(tr("No providers yet. Add one with: gatehouse provider add ID --url URL --surface "
                 "openai") +
              QLatin1Char('\n'));
        return 0;
    }
    QList<QStringList> rows{
        {tr("ID"), tr("SURFACE"), tr("BASE URL"), tr("KEY"), tr("ENABLED"), tr("MODELS")}};
    for (const Provider &p : config->providers) {
        rows.append({p.id, apiSurfaceName(p.surface), p.baseUrl.toString(),
                     p.hasKey ? tr("keychain") : tr("none"), p.enabled ? tr("yes") : tr("no"),
                     p.models.isEmpty() ? tr("(any)") : p.models.join(QLatin1Char(','))});
    }
    print(table(rows));
    return 0;
}

int Cli::providerRemove(const QString &id)
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    const Provider *p = config->findProvider(id);
    if (!p)
        return fail(tr("There is no provider \"%1\".").arg(id));
    const bool hadKey = p->hasKey;
    config->providers.removeIf([&](const Provider &x) { return x.id == id; });
    if (int rc = saveConfig(config.value()))
        return rc;
    if (hadKey) {
        const QString name = SecretStore::providerKeyName(config->instanceId, id);
        const SecretResult r = waitFor([&](auto done) { m_secrets->remove(name, done); });
        if (!r.ok() && r.error != SecretResult::Error::NotFound)
            std::fprintf(
                m_err, "gatehouse: %s\n",
                tr("Provider removed, but its key could not be deleted from the keychain: %1")
                    .arg(r.errorString)
                    .toLocal8Bit()
                    .constData());
    }
    print(tr("Removed provider \"%1\".").arg(id) + QLatin1Char('\n'));
    return 0;
}

int Cli::providerSetKey(const QString &id)
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    Provider *p = config->findProvider(id);
    if (!p)
        return fail(tr("There is no provider \"%1\".").arg(id));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(tr("Cannot read the key from standard input."));
    QByteArray key = in.read(qint64{64} * 1024);
    while (key.endsWith('\n') || key.endsWith('\r'))
        key.chop(1);
    if (key.trimmed().isEmpty())
        return fail(tr("No key on standard input. Pipe it in, e.g.: printenv OPENAI_API_KEY | "
                       "gatehouse provider set-key %1")
                        .arg(id));
    if (key.contains('\n') || key.contains('\0'))
        return fail(tr("The key on standard input spans several lines; give one key on one line."));
    const QString name = SecretStore::providerKeyName(config->instanceId, id);
    const SecretResult r = waitFor([&](auto done) { m_secrets->write(name, key, done); });
    key.fill('\0');
    if (!r.ok())
        return fail(tr("The key was not stored: %1").arg(r.errorString));
    if (!p->hasKey) {
        p->hasKey = true;
        if (int rc = saveConfig(config.value()))
            return rc;
    }
    print(tr("Stored the key of provider \"%1\" in the keychain.").arg(id) + QLatin1Char('\n'));
    return 0;
}

int Cli::keyCreate(const QString &name)
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    if (auto s = AccessKeys::validateName(name); !s)
        return fail(s.error());
    if (const AccessKeyRecord *existing = config->findAccessKey(name);
        existing && existing->isActive())
        return fail(
            tr("An access key named \"%1\" already exists; revoke it first or pick another name.")
                .arg(name));
    config->accessKeys.removeIf([&](const AccessKeyRecord &k) { return k.name == name; });
    const auto created =
        AccessKeys::create(name, systemRandomBytes, QDateTime::currentDateTimeUtc());
    config->accessKeys.append(created.record);
    if (int rc = saveConfig(config.value()))
        return rc;
    // The key alone on stdout, so it can be captured; it is not shown again.
    print(created.key + QLatin1Char('\n'));
    std::fprintf(m_err, "%s\n",
                 tr("Access key \"%1\" created. Copy it now: Gatehouse keeps only its hash and "
                    "cannot show it again.")
                     .arg(name)
                     .toLocal8Bit()
                     .constData());
    return 0;
}

int Cli::keyList()
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    if (config->accessKeys.isEmpty()) {
        print(tr("No access keys yet. Create one with: gatehouse key create NAME") +
              QLatin1Char('\n'));
        return 0;
    }
    const auto lastUsed = m_store.loadLastUsed();
    QList<QStringList> rows{{tr("NAME"), tr("KEY"), tr("CREATED"), tr("LAST USED"), tr("STATUS")}};
    for (const AccessKeyRecord &k : config->accessKeys) {
        rows.append({k.name, k.hint, formatTime(k.created), formatTime(lastUsed.value(k.name)),
                     k.isActive() ? tr("active") : tr("revoked %1").arg(formatTime(k.revoked))});
    }
    print(table(rows));
    return 0;
}

int Cli::keyRevoke(const QString &name)
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    AccessKeyRecord *k = config->findAccessKey(name);
    if (!k)
        return fail(tr("There is no access key \"%1\".").arg(name));
    if (!k->isActive())
        return fail(tr("Access key \"%1\" is already revoked.").arg(name));
    k->revoked = QDateTime::currentDateTimeUtc();
    if (int rc = saveConfig(config.value()))
        return rc;
    print(tr("Revoked access key \"%1\"; requests using it are refused from now on.").arg(name) +
          QLatin1Char('\n'));
    return 0;
}

} // namespace gatehouse
