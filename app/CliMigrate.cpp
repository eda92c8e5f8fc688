// gatehouse import --from FORMAT FILE [--dry-run], gatehouse export --format FORMAT [--route
// NAME] [--out FILE] [--with-keys]: moving in from other tools, moving out to a team gateway.
#include "Cli.h"
#include "migrate/Exporter.h"
#include "migrate/Importer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

// Writes a file that may hold keys: private to the user from the start.
Status writePrivately(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(content) != content.size() || !file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

int Cli::importFrom(const QStringList &args, const Options &options)
{
    const QString usage =
        tr("usage: gatehouse import --from litellm|claude-code-router|continue FILE [--dry-run]");
    for (const QString &o : options.given) {
        if (o != QLatin1String("from") && o != QLatin1String("dry-run"))
            return fail(tr("--%1 does not apply to \"import\".").arg(o), 2);
    }
    if (args.size() != 1 || !options.given.contains(QLatin1String("from")))
        return fail(usage, 2);
    const auto format = Importer::parseFormat(options.from);
    if (!format)
        return fail(format.error(), 2);
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(args.first(), file.errorString()));
    const QByteArray content = file.read(qint64{4} * 1024 * 1024);

    if (options.dryRun) {
        const auto config = loadConfig();
        if (!config)
            return fail(config.error());
        const auto plan =
            Importer::read(format.value(), content, config.value(), processEnvironment());
        if (!plan)
            return fail(plan.error());
        print(plan->describe() + tr("Nothing was changed (--dry-run).") + QLatin1Char('\n'));
        return 0;
    }

    // The plan is made again under the lock, against the config as it is now.
    QString described;
    const int rc = edit([&](Config &config) -> Status {
        const auto plan = Importer::read(format.value(), content, config, processEnvironment());
        if (!plan)
            return refuse(plan.error());
        if (plan->isEmpty())
            return refuse(tr("Nothing in %1 could be imported: %2")
                              .arg(args.first(), plan->notImported.join(QLatin1String("; "))));
        if (const Status s = plan->applyTo(config); !s)
            return refuse(s.error());
        // The keys before the config: when the keychain refuses one, nothing is written.
        if (!plan->keys.isEmpty()) {
            const SecretResult r =
                waitFor([&](auto done) { plan->storeKeys(m_secrets, config.instanceId, done); });
            if (!r.ok())
                return refuse(tr("The keychain refused the imported keys: %1. Nothing was "
                                 "imported; run again with --dry-run to see the plan.")
                                  .arg(r.errorString));
        }
        described = plan->describe();
        return {};
    });
    if (rc)
        return rc;
    print(described + tr("Imported.") + QLatin1Char('\n'));
    return 0;
}

int Cli::exportTo(const QStringList &args, const Options &options)
{
    const QString usage = tr("usage: gatehouse export --format portkey|litellm|envoy-ai-gateway "
                             "[--route NAME] [--out FILE] [--with-keys]");
    const QStringList takes{QStringLiteral("format"), QStringLiteral("route"),
                            QStringLiteral("out"), QStringLiteral("with-keys")};
    for (const QString &o : options.given) {
        if (!takes.contains(o))
            return fail(tr("--%1 does not apply to \"export\".").arg(o), 2);
    }
    if (!args.isEmpty() || !options.given.contains(QLatin1String("format")))
        return fail(usage, 2);
    const auto format = Exporter::parseFormat(options.format);
    if (!format)
        return fail(format.error(), 2);
    const auto config = loadConfig();
    if (!config)
        return fail(config.error());

    QHash<QString, QByteArray> keys;
    if (options.withKeys) {
        for (const Provider &p : config->providers) {
            if (!p.hasKey)
                continue;
            const QString name = SecretStore::providerKeyName(config->instanceId, p.id);
            const SecretResult r = waitFor([&](auto done) { m_secrets->read(name, done); });
            if (!r.ok())
                return fail(tr("The key of provider \"%1\" could not be read from the keychain: "
                               "%2")
                                .arg(p.id, r.errorString));
            keys.insert(p.id, r.value);
        }
        std::fprintf(m_err, "gatehouse: %s\n",
                     tr("Warning: the export holds provider keys in clear text; keep it private "
                        "and delete it once it is used.")
                         .toLocal8Bit()
                         .constData());
    }
    auto result = Exporter::write(format.value(), config.value(), options.route, keys);
    for (QByteArray &k : keys)
        k.fill('\0');
    if (!result)
        return fail(result.error());

    if (options.out.isEmpty()) {
        print(QString::fromUtf8(result->main));
        if (!result->keyRequests.isEmpty())
            std::fprintf(m_err, "gatehouse: %s\n",
                         tr("The key configurations' /key/generate requests are written with "
                            "--out FILE, beside it.")
                             .toLocal8Bit()
                             .constData());
        return 0;
    }
    if (const Status s = writePrivately(options.out, result->main); !s)
        return fail(s.error());
    print(tr("Wrote %1.").arg(options.out) + QLatin1Char('\n'));
    if (!result->keyRequests.isEmpty()) {
        const QFileInfo info(options.out);
        const QString keysPath =
            info.dir().filePath(info.completeBaseName() + QLatin1String(".keys.json"));
        if (const Status s = writePrivately(keysPath, result->keyRequests); !s)
            return fail(s.error());
        print(tr("Wrote %1: one POST /key/generate request per key configuration.").arg(keysPath) +
              QLatin1Char('\n'));
    }
    return 0;
}

} // namespace gatehouse
