// gatehouse connect list|TOOL: wiring coding tools to the gateway through their own files.
#include "Cli.h"
#include "connect/ToolConnector.h"

#include <QCoreApplication>
#include <QDir>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QString toolIds()
{
    QStringList ids;
    for (const ToolInfo &t : toolCatalog())
        ids.append(t.id);
    return ids.join(QStringLiteral(", "));
}

QString homeRelative(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size())
                                                    : path;
}

QString statusWords(const ToolStatus &s)
{
    if (!s.supported)
        return tr("not supported yet");
    if (s.connected)
        return tr("connected to %1").arg(s.url);
    if (s.wired)
        return tr("set to %1, not by this Gatehouse").arg(s.url);
    return tr("not connected");
}

} // namespace

int Cli::connect(const QStringList &args, const Options &options)
{
    const QString usage =
        tr("usage: gatehouse connect list, gatehouse connect TOOL [--model M] [--small-model M] "
           "[--url URL], or gatehouse connect TOOL --undo; TOOL is one of %1")
            .arg(toolIds());
    if (args.size() != 1)
        return fail(usage, 2);
    const QString &what = args.first();
    ToolConnector connector(m_store);

    if (what == QLatin1String("list")) {
        if (!options.given.isEmpty())
            return fail(tr("--%1 does not apply to \"connect list\".").arg(options.given.first()),
                        2);
        QList<QStringList> rows{{tr("TOOL"), tr("NAME"), tr("INSTALLED"), tr("MODEL"),
                                 tr("SMALL MODEL"), tr("STATUS")}};
        QStringList problems;
        for (const ToolStatus &s : connector.statusAll()) {
            const QString dash = QStringLiteral("-");
            rows.append({s.id, s.displayName, s.installed ? tr("yes") : tr("no"),
                         s.wired && !s.model.isEmpty() ? s.model : dash,
                         s.wired && !s.smallModel.isEmpty() ? s.smallModel : dash, statusWords(s)});
            if (!s.problem.isEmpty())
                problems.append(tr("%1: cannot read %2").arg(s.id, s.problem));
        }
        QString out;
        QList<qsizetype> widths(rows.first().size(), 0);
        for (const auto &row : rows) {
            for (qsizetype i = 0; i < row.size(); ++i)
                widths[i] = std::max(widths[i], row[i].size());
        }
        for (const auto &row : rows) {
            QString line;
            for (qsizetype i = 0; i < row.size(); ++i)
                line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
            out += line + QLatin1Char('\n');
        }
        print(out);
        for (const QString &p : problems)
            print(p + QLatin1Char('\n'));
        return 0;
    }

    const ToolInfo *tool = findTool(what);
    if (!tool)
        return fail(tr("\"%1\" is not a tool Gatehouse can connect; use one of %2, or "
                       "\"connect list\".")
                        .arg(what, toolIds()),
                    2);

    if (options.undo) {
        for (const QString &o : options.given) {
            if (o != QLatin1String("undo"))
                return fail(tr("--%1 does not apply to \"connect %2 --undo\".").arg(o, what), 2);
        }
        if (const Status s = connector.disconnect(tool->id); !s)
            return fail(s.error());
        print(tr("Disconnected %1: its settings are as they were before Connect, and its access "
                 "key \"%2\" is revoked.")
                  .arg(tool->displayName, tool->keyName()) +
              QLatin1Char('\n'));
        return 0;
    }

    for (const QString &o : options.given) {
        if (o != QLatin1String("model") && o != QLatin1String("small-model") &&
            o != QLatin1String("url"))
            return fail(tr("--%1 does not apply to \"connect %2\".").arg(o, what), 2);
    }
    if (options.models.size() > 1)
        return fail(tr("Give one --model for \"connect %1\".").arg(what), 2);
    if (options.given.contains(QLatin1String("small-model")) && !tool->hasSmallModel)
        return fail(
            tr("%1 has no small model to set; leave out --small-model.").arg(tool->displayName), 2);

    ConnectRequest request;
    request.smallModel = options.smallModel;
    request.url = options.url;
    if (!options.models.isEmpty()) {
        request.model = options.models.first();
    } else {
        const auto config = loadConfig();
        if (!config)
            return fail(config.error());
        request.model = ToolConnector::suggestedModel(config.value());
        if (request.model.isEmpty())
            return fail(tr("Give the model %1 should use with --model PROVIDER:MODEL or a "
                           "route; no provider lists a model and there are no routes yet.")
                            .arg(tool->displayName),
                        2);
    }
    const auto connected = connector.connect(tool->id, request);
    if (!connected)
        return fail(connected.error());
    QStringList files;
    for (const QString &f : connected->files)
        files.append(homeRelative(f));
    QString models = tr("model %1").arg(connected->model);
    if (tool->hasSmallModel)
        models += tr(", small model %1").arg(connected->smallModel);
    print(tr("Connected %1 to %2 (%3). Its own access key \"%4\" is in %5; undo with: gatehouse "
             "connect %6 --undo")
              .arg(tool->displayName, connected->url, models, tool->keyName(),
                   files.join(QStringLiteral(", ")), tool->id) +
          QLatin1Char('\n'));
    return 0;
}

} // namespace gatehouse
