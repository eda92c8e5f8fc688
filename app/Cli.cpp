#include "Cli.h"

#include "catalog/Catalog.h"
#include "config/ConfigEditor.h"
#include "config/ProviderCredentials.h"
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
    return word == QLatin1String("provider") || word == QLatin1String("key") ||
           word == QLatin1String("route") || word == QLatin1String("ollama-api") ||
           word == QLatin1String("connect") || word == QLatin1String("import") ||
           word == QLatin1String("export") || word == QLatin1String("logs") ||
           word == QLatin1String("usage");
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

int Cli::edit(const std::function<Status(Config &)> &change)
{
    m_refusalCode = 1;
    if (const Status s = m_store.update(change); !s)
        return fail(s.error(), m_refusalCode);
    return 0;
}

Status Cli::refuse(const QString &message, int code)
{
    m_refusalCode = code;
    return Status::failure(message);
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
    const QString usage =
        tr("usage: gatehouse provider add|list|remove|set-key …, gatehouse key "
           "create|list|revoke …, gatehouse key config set|list|remove|assign …, or gatehouse "
           "route set|list|remove …");
    if (words.value(0) == QLatin1String("ollama-api"))
        return ollamaApi(words.mid(1), options);
    if (words.value(0) == QLatin1String("connect"))
        return connect(words.mid(1), options);
    if (words.value(0) == QLatin1String("import"))
        return importFrom(words.mid(1), options);
    if (words.value(0) == QLatin1String("export"))
        return exportTo(words.mid(1), options);
    if (words.value(0) == QLatin1String("logs"))
        return logs(words.mid(1), options);
    if (words.value(0) == QLatin1String("usage"))
        return Cli::usage(words.mid(1), options);
    if (words.size() < 2)
        return fail(usage, 2);
    // "key config set NAME" is a command of three words.
    const bool keyConfig = words[0] == QLatin1String("key") && words[1] == QLatin1String("config");
    if (keyConfig && words.size() < 3)
        return fail(usage, 2);
    const QString group = keyConfig ? QStringLiteral("key config") : words[0];
    const QString &action = words[keyConfig ? 2 : 1];
    const QStringList args = words.mid(keyConfig ? 3 : 2);
    struct Command
    {
        const char *group;
        const char *action;
        int argCount;
        const char *argName;
        QStringList options; // the options it takes
        std::function<int()> run;
    };
    const QStringList routeOptions{QStringLiteral("to"), QStringLiteral("strategy"),
                                   QStringLiteral("retries"), QStringLiteral("deadline"),
                                   QStringLiteral("key-config")};
    const QStringList configOptions{QStringLiteral("allow"),
                                    QStringLiteral("rpm"),
                                    QStringLiteral("tokens-per-day"),
                                    QStringLiteral("spend-per-month"),
                                    QStringLiteral("provider-key"),
                                    QStringLiteral("capture-content"),
                                    QStringLiteral("capture-retention-days"),
                                    QStringLiteral("capture-max-bytes")};
    const Command commands[] = {
        {"provider",
         "add",
         1,
         QT_TRANSLATE_NOOP("Cli", "one provider id"),
         {QStringLiteral("url"), QStringLiteral("surface"), QStringLiteral("name"),
          QStringLiteral("model"), QStringLiteral("header"), QStringLiteral("secret-header")},
         [&] { return providerAdd(args.value(0), options); }},
        {"provider",
         "list",
         0,
         QT_TRANSLATE_NOOP("Cli", "no arguments"),
         {},
         [&] { return providerList(); }},
        {"provider",
         "remove",
         1,
         QT_TRANSLATE_NOOP("Cli", "one provider id"),
         {},
         [&] { return providerRemove(args.value(0)); }},
        {"provider",
         "set-key",
         1,
         QT_TRANSLATE_NOOP("Cli", "one provider id"),
         {QStringLiteral("label")},
         [&] { return providerSetKey(args.value(0), options.label); }},
        {"key",
         "create",
         1,
         QT_TRANSLATE_NOOP("Cli", "one key name"),
         {QStringLiteral("key-config")},
         [&] { return keyCreate(args.value(0), options.keyConfig); }},
        {"key", "list", 0, QT_TRANSLATE_NOOP("Cli", "no arguments"), {}, [&] { return keyList(); }},
        {"key",
         "revoke",
         1,
         QT_TRANSLATE_NOOP("Cli", "one key name"),
         {},
         [&] { return keyRevoke(args.value(0)); }},
        {"key config", "set", 1, QT_TRANSLATE_NOOP("Cli", "one configuration name"), configOptions,
         [&] { return keyConfigSet(args.value(0), options); }},
        {"key config",
         "list",
         0,
         QT_TRANSLATE_NOOP("Cli", "no arguments"),
         {},
         [&] { return keyConfigList(); }},
        {"key config",
         "remove",
         1,
         QT_TRANSLATE_NOOP("Cli", "one configuration name"),
         {},
         [&] { return keyConfigRemove(args.value(0)); }},
        {"key config",
         "assign",
         2,
         QT_TRANSLATE_NOOP("Cli", "an access key name and a configuration name"),
         {},
         [&] { return keyConfigAssign(args.value(0), args.value(1)); }},
        {"route", "set", 1, QT_TRANSLATE_NOOP("Cli", "one route name"), routeOptions,
         [&] { return routeSet(args.value(0), options); }},
        {"route",
         "list",
         0,
         QT_TRANSLATE_NOOP("Cli", "no arguments"),
         {},
         [&] { return routeList(); }},
        {"route",
         "remove",
         1,
         QT_TRANSLATE_NOOP("Cli", "one route name"),
         {QStringLiteral("key-config")},
         [&] { return routeRemove(args.value(0), options.keyConfig); }},
    };
    for (const Command &c : commands) {
        if (group != QLatin1String(c.group) || action != QLatin1String(c.action))
            continue;
        if (args.size() != c.argCount)
            return fail(tr("\"%1 %2\" takes %3.").arg(group, action, tr(c.argName)), 2);
        for (const QString &o : options.given) {
            if (!c.options.contains(o))
                return fail(tr("--%1 does not apply to \"%2 %3\".").arg(o, group, action), 2);
        }
        return c.run();
    }
    return fail(tr("unknown command \"%1 %2\"; %3").arg(group, action, usage), 2);
}

int Cli::providerAdd(const QString &id, const Options &options)
{
    Provider p;
    const int rc = edit([&](Config &config) -> Status {
        if (auto s = Provider::validateId(id); !s)
            return refuse(s.error());
        if (config.findProvider(id))
            return refuse(
                tr("A provider named \"%1\" already exists; remove it first or pick another id.")
                    .arg(id));
        // A catalog provider ("openai", "groq", …) needs no URL or surface.
        const CatalogProvider *known = Catalog::builtIn().provider(id);
        const QString urlText =
            options.url.isEmpty() && known ? known->baseUrl.toString() : options.url;
        if (urlText.isEmpty())
            return refuse(tr("\"provider add\" needs --url URL."), 2);
        const QList<ApiSurface> knownSurfaces = known ? known->surfaces : QList<ApiSurface>();
        if (options.surfaces.isEmpty() && knownSurfaces.isEmpty())
            return refuse(tr("\"provider add\" needs --surface with one of %1 "
                             "(repeat it for a provider that speaks several).")
                              .arg(apiSurfaceNameList()),
                          2);
        p.id = id;
        p.displayName = options.name.isEmpty() && known ? known->name : options.name;
        // Credentials in the URL (?key=…) go to the keychain; the rest of the URL stays.
        QList<ProviderCredentials::Entry> secrets;
        const auto url =
            UrlPolicy::checkBaseUrl(ProviderCredentials::takeFromUrl(urlText, secrets));
        if (!url)
            return refuse(url.error());
        p.baseUrl = url.value();
        if (options.surfaces.isEmpty()) {
            p.surfaces = knownSurfaces;
        } else {
            const auto surfaces = Provider::parseSurfaces(options.surfaces);
            if (!surfaces)
                return refuse(surfaces.error());
            p.surfaces = surfaces.value();
        }
        for (const QString &m : options.models) {
            if (!p.models.contains(m))
                p.models << m;
        }
        for (const QString &h : options.headers + options.secretHeaders) {
            const auto header = Provider::parseHeader(h, true);
            if (!header)
                return refuse(header.error());
            const bool secret =
                options.secretHeaders.contains(h) || Provider::isCredentialHeader(header->first);
            if (secret)
                secrets.append(
                    {QStringLiteral("header"), QString::fromLatin1(header->first), header->second});
            else
                p.extraHeaders.append(header.value());
        }
        ProviderCredentials::recordNames(p, secrets);
        if (auto s = p.validate(); !s)
            return refuse(s.error());
        // The secrets first: when the keychain refuses one, nothing is written.
        if (!secrets.isEmpty()) {
            const SecretResult r = waitFor([&](auto done) {
                ProviderCredentials::store(m_secrets, config.instanceId, id, secrets, done);
            });
            if (!r.ok())
                return refuse(tr("Credentials given with the provider (a credential header or "
                                 "URL parameter) go to the keychain, which refused them: %1. "
                                 "Nothing was written.")
                                  .arg(r.errorString));
        }
        config.providers.append(p);
        return {};
    });
    if (rc)
        return rc;
    print(tr("Added provider \"%1\" (%2, %3).").arg(id, p.surfaceNames(), p.baseUrl.toString()) +
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
        rows.append({p.id, p.surfaceNames(), p.baseUrl.toString(),
                     p.hasKey ? tr("keychain") : tr("none"), p.enabled ? tr("yes") : tr("no"),
                     p.models.isEmpty() ? tr("(any)") : p.models.join(QLatin1Char(','))});
    }
    print(table(rows));
    return 0;
}

int Cli::providerRemove(const QString &id)
{
    QStringList entries; // its secrets in the keychain
    const int rc = edit([&](Config &config) -> Status {
        auto removed = ConfigEditor::removeProvider(config, id);
        if (!removed)
            return refuse(removed.error());
        entries = removed.value();
        return {};
    });
    if (rc)
        return rc;
    for (const QString &name : std::as_const(entries)) {
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

int Cli::providerSetKey(const QString &id, const QString &label)
{
    bool created = false;
    QString baseUrl;
    const int rc = edit([&](Config &config) -> Status {
        if (!label.isEmpty()) {
            if (auto s = Provider::validateKeyLabel(label); !s)
                return refuse(s.error());
        }
        Provider *p = config.findProvider(id);
        if (!p) {
            // Adding a key is all a catalog provider needs.
            const CatalogProvider *known = Catalog::builtIn().provider(id);
            if (!known)
                return refuse(tr("There is no provider \"%1\".").arg(id));
            Provider fromCatalog;
            fromCatalog.id = known->id;
            fromCatalog.displayName = known->name;
            fromCatalog.baseUrl = known->baseUrl;
            fromCatalog.surfaces = known->surfaces;
            config.providers.append(fromCatalog);
            p = &config.providers.last();
            created = true;
        }
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return refuse(tr("Cannot read the key from standard input."));
        QByteArray key = in.read(qint64{64} * 1024);
        while (key.endsWith('\n') || key.endsWith('\r'))
            key.chop(1);
        if (key.trimmed().isEmpty())
            return refuse(
                tr("No key on standard input. Pipe it in, e.g.: printenv OPENAI_API_KEY | "
                   "gatehouse provider set-key %1")
                    .arg(id));
        if (key.contains('\n') || key.contains('\0'))
            return refuse(
                tr("The key on standard input spans several lines; give one key on one line."));
        const QString name = SecretStore::providerKeyName(config.instanceId, id, label);
        const SecretResult r = waitFor([&](auto done) { m_secrets->write(name, key, done); });
        key.fill('\0');
        if (!r.ok())
            return refuse(tr("The key was not stored: %1").arg(r.errorString));
        if (label.isEmpty())
            p->hasKey = true;
        else if (!p->keyLabels.contains(label))
            p->keyLabels.append(label);
        baseUrl = p->baseUrl.toString();
        return {};
    });
    if (rc)
        return rc;
    if (created)
        print(tr("Added provider \"%1\" from the catalog (%2).").arg(id, baseUrl) +
              QLatin1Char('\n'));
    print((label.isEmpty()
               ? tr("Stored the key of provider \"%1\" in the keychain.").arg(id)
               : tr("Stored the key \"%2\" of provider \"%1\" in the keychain.").arg(id, label)) +
          QLatin1Char('\n'));
    return 0;
}

int Cli::keyCreate(const QString &name, const QString &configuration)
{
    QString key;
    const int rc = edit([&](Config &config) -> Status {
        auto created = ConfigEditor::createAccessKey(config, name, configuration, systemRandomBytes,
                                                     QDateTime::currentDateTimeUtc());
        if (!created)
            return refuse(created.error());
        key = created.value();
        return {};
    });
    if (rc)
        return rc;
    // The key alone on stdout, so it can be captured; it is not shown again.
    print(key + QLatin1Char('\n'));
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
    QList<QStringList> rows{
        {tr("NAME"), tr("KEY"), tr("CONFIGURATION"), tr("CREATED"), tr("LAST USED"), tr("STATUS")}};
    for (const AccessKeyRecord &k : config->accessKeys) {
        rows.append(
            {k.name, k.hint,
             k.configuration.isEmpty() ? QString(KeyConfiguration::defaultName) : k.configuration,
             formatTime(k.created), formatTime(lastUsed.value(k.name)),
             k.isActive() ? tr("active") : tr("revoked %1").arg(formatTime(k.revoked))});
    }
    print(table(rows));
    return 0;
}

int Cli::keyRevoke(const QString &name)
{
    const int rc = edit([&](Config &config) -> Status {
        if (auto s = ConfigEditor::revokeAccessKey(config, name, QDateTime::currentDateTimeUtc());
            !s)
            return refuse(s.error());
        return {};
    });
    if (rc)
        return rc;
    print(tr("Revoked access key \"%1\"; requests using it are refused from now on.").arg(name) +
          QLatin1Char('\n'));
    return 0;
}

namespace {

Result<qint64> parseCount(const QString &text, const char *option, qint64 max)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 0 || n > max)
        return Result<qint64>::failure(tr("--%1 must be a whole number from 0 to %2.")
                                           .arg(QString::fromLatin1(option))
                                           .arg(max));
    return n;
}

} // namespace

int Cli::routeSet(const QString &name, const Options &options)
{
    RouteRule rule;
    bool replaced = false;
    const int rc = edit([&](Config &config) -> Status {
        QList<RouteRule> *routes = config.routesOf(options.keyConfig);
        if (!routes)
            return refuse(tr("There is no key configuration \"%1\".").arg(options.keyConfig));
        rule = RouteRule();
        if (const RouteRule *existing = findRouteIn(*routes, name))
            rule = *existing; // options given replace; the rest stays
        rule.name = name;
        if (!options.to.isEmpty()) {
            rule.candidates.clear();
            for (const QString &t : options.to) {
                // "provider:model=3": a weight after the last '='.
                RouteCandidate c{t, 1};
                const qsizetype eq = t.lastIndexOf(QLatin1Char('='));
                if (eq > 0) {
                    const auto w = parseCount(t.mid(eq + 1), "to", 1000);
                    if (!w || w.value() < 1)
                        return refuse(
                            tr("The weight in \"%1\" must be a number from 1 to 1000.").arg(t), 2);
                    c = {t.left(eq), int(w.value())};
                }
                rule.candidates.append(c);
            }
        }
        if (!options.strategy.isEmpty()) {
            const auto strategy = parseRouteStrategy(options.strategy);
            if (!strategy)
                return refuse(strategy.error(), 2);
            rule.strategy = strategy.value();
        }
        if (!options.retries.isEmpty()) {
            const auto n = parseCount(options.retries, "retries", 5);
            if (!n)
                return refuse(n.error(), 2);
            rule.retries = int(n.value());
        }
        if (!options.deadline.isEmpty()) {
            const auto n = parseCount(options.deadline, "deadline", 600);
            if (!n || n.value() < 1)
                return refuse(tr("--deadline must be a number of seconds from 1 to 600."), 2);
            rule.deadlineMs = int(n.value() * 1000);
        }
        if (rule.candidates.isEmpty())
            return refuse(
                tr("A route needs candidates: --to provider:model (repeat it for fallbacks)."), 2);
        if (auto s = rule.validate(); !s)
            return refuse(s.error());
        const auto put = ConfigEditor::putRoute(config, options.keyConfig, name, rule);
        if (!put)
            return refuse(put.error());
        replaced = put.value();
        return {};
    });
    if (rc)
        return rc;
    QStringList chain;
    for (const RouteCandidate &c : rule.candidates)
        chain << (c.weight == 1 ? c.model
                                : QStringLiteral("%1 (weight %2)").arg(c.model).arg(c.weight));
    print((replaced ? tr("Updated route \"%1\" (%2): %3") : tr("Added route \"%1\" (%2): %3"))
              .arg(name, routeStrategyName(rule.strategy), chain.join(QLatin1String(" -> "))) +
          QLatin1Char('\n'));
    return 0;
}

int Cli::routeList()
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    QList<QPair<QString, const RouteRule *>> all; // scope, rule
    for (const RouteRule &r : config->routes)
        all.append({tr("all keys"), &r});
    for (const KeyConfiguration &k : config->keyConfigurations) {
        for (const RouteRule &r : k.routes)
            all.append({tr("key config %1").arg(k.name), &r});
    }
    if (all.isEmpty()) {
        print(tr("No routes yet. Add one with: gatehouse route set NAME --to provider:model --to "
                 "provider:model") +
              QLatin1Char('\n'));
        return 0;
    }
    QList<QStringList> rows{
        {tr("NAME"), tr("FOR"), tr("STRATEGY"), tr("RETRIES"), tr("DEADLINE"), tr("CANDIDATES")}};
    for (const auto &[scope, r] : std::as_const(all)) {
        QStringList chain;
        for (const RouteCandidate &c : r->candidates)
            chain << (c.weight == 1 ? c.model
                                    : c.model + QLatin1Char('=') + QString::number(c.weight));
        rows.append({r->name, scope, routeStrategyName(r->strategy), QString::number(r->retries),
                     QStringLiteral("%1 s").arg(r->deadlineMs / 1000),
                     chain.join(QLatin1String(", "))});
    }
    print(table(rows));
    return 0;
}

int Cli::routeRemove(const QString &name, const QString &keyConfig)
{
    const int rc = edit([&](Config &config) -> Status {
        QList<RouteRule> *routes = config.routesOf(keyConfig);
        if (!routes)
            return refuse(tr("There is no key configuration \"%1\".").arg(keyConfig));
        if (!findRouteIn(*routes, name))
            return refuse(tr("There is no route \"%1\".").arg(name));
        routes->removeIf([&](const RouteRule &r) { return r.name == name; });
        return {};
    });
    if (rc)
        return rc;
    print(tr("Removed route \"%1\".").arg(name) + QLatin1Char('\n'));
    return 0;
}

int Cli::keyConfigSet(const QString &name, const Options &options)
{
    bool replaced = false;
    const int rc = edit([&](Config &config) -> Status {
        KeyConfiguration k;
        if (const KeyConfiguration *existing = config.findKeyConfiguration(name))
            k = *existing; // options given replace; the rest stays
        k.name = name;
        if (options.given.contains(QLatin1String("allow")))
            k.allow = options.allow;
        if (!options.rpm.isEmpty()) {
            const auto n = parseCount(options.rpm, "rpm", 1'000'000);
            if (!n)
                return refuse(n.error(), 2);
            k.limits.requestsPerMinute = int(n.value());
        }
        if (!options.tokensPerDay.isEmpty()) {
            const auto n = parseCount(options.tokensPerDay, "tokens-per-day", qint64{1} << 50);
            if (!n)
                return refuse(n.error(), 2);
            k.limits.tokensPerDay = n.value();
        }
        if (!options.spendPerMonth.isEmpty()) {
            bool ok = false;
            const double usd = options.spendPerMonth.toDouble(&ok);
            if (!ok || usd < 0 || usd > 1e9)
                return refuse(
                    tr("--spend-per-month must be an amount in US dollars, such as 20 or 7.50."),
                    2);
            k.limits.spendPerMonth = usd;
        }
        if (options.given.contains(QLatin1String("provider-key"))) {
            k.providerKeys.clear();
            for (const QString &pk : options.providerKeys) {
                if (!pk.contains(QLatin1Char('=')))
                    return refuse(
                        tr("--provider-key takes PROVIDER=LABEL (LABEL empty for the main key), "
                           "not \"%1\".")
                            .arg(pk),
                        2);
                k.providerKeys.insert(pk.section(QLatin1Char('='), 0, 0),
                                      pk.section(QLatin1Char('='), 1));
            }
        }
        if (options.given.contains(QLatin1String("capture-content"))) {
            if (options.captureContent != QLatin1String("on") &&
                options.captureContent != QLatin1String("off"))
                return refuse(tr("--capture-content takes on or off."), 2);
            k.capture.enabled = options.captureContent == QLatin1String("on");
        }
        if (options.given.contains(QLatin1String("capture-retention-days"))) {
            const auto n = parseCount(options.captureRetentionDays, "capture-retention-days", 3650);
            if (!n || n.value() < 1)
                return refuse(tr("--capture-retention-days must be a number from 1 to 3650."), 2);
            k.capture.retentionDays = int(n.value());
        }
        if (options.given.contains(QLatin1String("capture-max-bytes"))) {
            const auto n =
                parseCount(options.captureMaxBytes, "capture-max-bytes", qint64{64} * 1024 * 1024);
            if (!n || n.value() < 1024)
                return refuse(tr("--capture-max-bytes must be a number from 1024 to 67108864."), 2);
            k.capture.maxBodyBytes = n.value();
        }
        const auto put = ConfigEditor::putKeyConfiguration(config, name, k);
        if (!put)
            return refuse(put.error());
        replaced = put.value();
        return {};
    });
    if (rc)
        return rc;
    print(
        (replaced ? tr("Updated key configuration \"%1\".") : tr("Added key configuration \"%1\"."))
            .arg(name) +
        QLatin1Char('\n'));
    return 0;
}

int Cli::keyConfigList()
{
    auto config = loadConfig();
    if (!config)
        return fail(config.error());
    if (config->keyConfigurations.isEmpty()) {
        print(tr("No key configurations yet; every key may use every model. Add one with: "
                 "gatehouse key config set NAME --allow 'provider:*'") +
              QLatin1Char('\n'));
        return 0;
    }
    QList<QStringList> rows{{tr("NAME"), tr("ALLOWS"), tr("LIMITS"), tr("PROVIDER KEYS"),
                             tr("CAPTURE"), tr("USED BY")}};
    for (const KeyConfiguration &k : config->keyConfigurations) {
        QStringList limits;
        if (k.limits.requestsPerMinute > 0)
            limits << tr("%1/min").arg(k.limits.requestsPerMinute);
        if (k.limits.tokensPerDay > 0)
            limits << tr("%1 tokens/day").arg(k.limits.tokensPerDay);
        if (k.limits.spendPerMonth > 0)
            limits << tr("$%1/month").arg(k.limits.spendPerMonth, 0, 'f', 2);
        QStringList keys;
        for (auto it = k.providerKeys.constBegin(); it != k.providerKeys.constEnd(); ++it)
            keys << it.key() + QLatin1Char('=') + (it.value().isEmpty() ? tr("main") : it.value());
        keys.sort();
        QStringList users;
        for (const AccessKeyRecord &a : config->accessKeys) {
            const QString c = a.configuration.isEmpty() ? QString(KeyConfiguration::defaultName)
                                                        : a.configuration;
            if (c == k.name && a.isActive())
                users << a.name;
        }
        rows.append({k.name,
                     k.allow.isEmpty() ? tr("(everything)") : k.allow.join(QLatin1Char(',')),
                     limits.isEmpty() ? tr("none") : limits.join(QLatin1String(", ")),
                     keys.isEmpty() ? QStringLiteral("-") : keys.join(QLatin1Char(',')),
                     k.capture.enabled ? tr("on, %1 days, %2 bytes a body")
                                             .arg(k.capture.retentionDays)
                                             .arg(k.capture.maxBodyBytes)
                                       : tr("off"),
                     users.isEmpty() ? QStringLiteral("-") : users.join(QLatin1Char(','))});
    }
    print(table(rows));
    return 0;
}

int Cli::keyConfigRemove(const QString &name)
{
    const int rc = edit([&](Config &config) -> Status {
        if (auto s = ConfigEditor::removeKeyConfiguration(config, name); !s)
            return refuse(s.error());
        return {};
    });
    if (rc)
        return rc;
    print(tr("Removed key configuration \"%1\".").arg(name) + QLatin1Char('\n'));
    return 0;
}

int Cli::keyConfigAssign(const QString &key, const QString &configuration)
{
    const int rc = edit([&](Config &config) -> Status {
        if (auto s = ConfigEditor::assignKeyConfiguration(config, key, configuration); !s)
            return refuse(s.error());
        return {};
    });
    if (rc)
        return rc;
    print(tr("Access key \"%1\" now uses the configuration \"%2\".").arg(key, configuration) +
          QLatin1Char('\n'));
    return 0;
}

} // namespace gatehouse
