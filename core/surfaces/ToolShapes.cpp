#include "ToolShapes.h"

#include "Json.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gatehouse {

using namespace conversation;

namespace toolshapes {

using json::compact;
using json::parseObject;

QJsonObject functionParameters(const ToolDefinition &tool)
{
    switch (tool.kind) {
    case ToolKind::Function:
        return tool.parameters.isEmpty()
                   ? QJsonObject{{QLatin1String("type"), QLatin1String("object")}}
                   : tool.parameters;
    case ToolKind::Custom:
        return QJsonObject{
            {QLatin1String("type"), QLatin1String("object")},
            {QLatin1String("properties"),
             QJsonObject{
                 {QLatin1String("input"),
                  QJsonObject{{QLatin1String("type"), QLatin1String("string")},
                              {QLatin1String("description"),
                               QLatin1String("The tool's whole input, as free-form text.")}}}}},
            {QLatin1String("required"), QJsonArray{QLatin1String("input")}},
            {QLatin1String("additionalProperties"), false}};
    case ToolKind::LocalShell:
        return QJsonObject{
            {QLatin1String("type"), QLatin1String("object")},
            {QLatin1String("properties"),
             QJsonObject{
                 {QLatin1String("command"),
                  QJsonObject{{QLatin1String("type"), QLatin1String("array")},
                              {QLatin1String("items"),
                               QJsonObject{{QLatin1String("type"), QLatin1String("string")}}},
                              {QLatin1String("description"),
                               QLatin1String("The program and its arguments, one per item.")}}},
                 {QLatin1String("workdir"),
                  QJsonObject{{QLatin1String("type"), QLatin1String("string")}}},
                 {QLatin1String("timeout_ms"),
                  QJsonObject{{QLatin1String("type"), QLatin1String("integer")}}}}},
            {QLatin1String("required"), QJsonArray{QLatin1String("command")}}};
    case ToolKind::Hosted:
        break;
    }
    return {};
}

QString functionDescription(const ToolDefinition &tool)
{
    switch (tool.kind) {
    case ToolKind::Custom: {
        QString d = tool.description;
        const QJsonObject format = tool.format;
        if (format.value(QLatin1String("type")).toString() == QLatin1String("grammar")) {
            const QString definition = format.value(QLatin1String("definition")).toString();
            if (!definition.isEmpty())
                d += QLatin1String("\n\nThe input must follow this ") +
                     format.value(QLatin1String("syntax")).toString(QStringLiteral("lark")) +
                     QLatin1String(" grammar:\n") + definition;
        }
        return d;
    }
    case ToolKind::LocalShell:
        return tool.description.isEmpty()
                   ? QStringLiteral("Runs a command on the user's machine and returns its output.")
                   : tool.description;
    case ToolKind::Function:
    case ToolKind::Hosted:
        break;
    }
    return tool.description;
}

QString functionArguments(const Part &call)
{
    switch (call.toolKind) {
    case ToolKind::Custom:
        return compact(QJsonObject{{QLatin1String("input"), call.input}});
    case ToolKind::LocalShell: {
        const QJsonObject action = parseObject(call.arguments);
        QJsonObject args{{QLatin1String("command"), action.value(QLatin1String("command"))}};
        if (action.value(QLatin1String("working_directory")).isString())
            args.insert(QLatin1String("workdir"), action.value(QLatin1String("working_directory")));
        if (action.value(QLatin1String("timeout_ms")).isDouble())
            args.insert(QLatin1String("timeout_ms"), action.value(QLatin1String("timeout_ms")));
        return compact(args);
    }
    case ToolKind::Function:
    case ToolKind::Hosted:
        break;
    }
    return call.arguments.isEmpty() ? QStringLiteral("{}") : call.arguments;
}

void restoreCall(Part &call, const Request &request)
{
    const ToolDefinition *tool = request.tool(call.name);
    if (!tool)
        return;
    call.name = tool->name;
    call.toolNamespace = tool->toolNamespace;
    call.toolKind = tool->kind;
    if (tool->kind == ToolKind::Custom) {
        const QJsonObject args = parseObject(call.arguments);
        call.input = args.value(QLatin1String("input")).isString()
                         ? args.value(QLatin1String("input")).toString()
                         : call.arguments;
        call.arguments.clear();
    } else if (tool->kind == ToolKind::LocalShell) {
        const QJsonObject args = parseObject(call.arguments);
        QJsonObject action{{QLatin1String("type"), QLatin1String("exec")},
                           {QLatin1String("command"), args.value(QLatin1String("command")).isArray()
                                                          ? args.value(QLatin1String("command"))
                                                          : QJsonValue(QJsonArray())}};
        if (args.value(QLatin1String("workdir")).isString())
            action.insert(QLatin1String("working_directory"), args.value(QLatin1String("workdir")));
        if (args.value(QLatin1String("timeout_ms")).isDouble())
            action.insert(QLatin1String("timeout_ms"), args.value(QLatin1String("timeout_ms")));
        call.arguments = compact(action);
    }
}

StreamEvents StreamRestorer::process(StreamEvent event)
{
    using Type = StreamEvent::Type;
    if (event.type == Type::BlockStart && event.part.isToolCall()) {
        Part restored = event.part;
        restoreCall(restored, m_request);
        if (restored.toolKind == ToolKind::Custom || restored.toolKind == ToolKind::LocalShell) {
            // Arguments arrive as JSON around the real input: hold them until complete.
            m_calls.insert(event.index, event.part);
            m_held.insert(event.index, event.part.arguments);
            restored.arguments.clear();
            restored.input.clear();
        }
        event.part = restored;
        return {event};
    }
    if (event.type == Type::BlockDelta && m_held.contains(event.index)) {
        m_held[event.index] += event.delta;
        return {};
    }
    if (event.type == Type::BlockStop && m_held.contains(event.index)) {
        Part call = m_calls.take(event.index);
        call.arguments = m_held.take(event.index);
        if (event.part.isToolCall() && !event.part.arguments.isEmpty())
            call.arguments = event.part.arguments; // the decoder knew them whole
        restoreCall(call, m_request);
        StreamEvents out;
        if (call.toolKind == ToolKind::Custom && !call.input.isEmpty()) {
            StreamEvent delta;
            delta.type = Type::BlockDelta;
            delta.index = event.index;
            delta.deltaKind = StreamEvent::DeltaKind::Arguments;
            delta.delta = call.input;
            out << delta;
        }
        event.part = call;
        out << event;
        return out;
    }
    if (event.type == Type::BlockStop && event.part.isToolCall())
        restoreCall(event.part, m_request);
    return {event};
}

} // namespace toolshapes

namespace opaque {

namespace {
const QLatin1String fromAnthropic("gatehouse:anthropic-signature:");
const QLatin1String fromResponses("gatehouse:responses-encrypted:");
} // namespace

QString wrapSignatureForResponses(const QString &signature)
{
    return signature.isEmpty() ? QString() : fromAnthropic + signature;
}

QString wrapEncryptedForAnthropic(const QString &encrypted)
{
    return encrypted.isEmpty() ? QString() : fromResponses + encrypted;
}

void fromAnthropicSignature(const QString &value, Part &part)
{
    if (value.startsWith(fromResponses))
        part.encryptedContent = value.mid(fromResponses.size());
    else
        part.signature = value;
}

void fromResponsesEncrypted(const QString &value, Part &part)
{
    if (value.startsWith(fromAnthropic))
        part.signature = value.mid(fromAnthropic.size());
    else
        part.encryptedContent = value;
}

} // namespace opaque

} // namespace gatehouse
