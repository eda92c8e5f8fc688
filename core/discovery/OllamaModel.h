#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace gatehouse {

// What an Ollama server tells about one of its models through its native API: /api/tags
// (size and details), /api/show (context length, capabilities) and /api/ps (loaded now).
struct OllamaModel
{
    Q_DECLARE_TR_FUNCTIONS(OllamaModel)
public:
    QString name;          // "llama3.1:8b"
    qint64 sizeBytes = 0;  // on disk
    QString family;        // "llama"
    QString parameterSize; // "8.0B"
    QString quantization;  // "Q4_K_M"
    // From /api/show; 0 and empty until it answered (showRead).
    qint64 contextLength = 0;
    QStringList capabilities; // "completion", "tools", "vision", "thinking", "embedding", …
    bool showRead = false;
    // From /api/ps.
    bool loaded = false;
    qint64 vramBytes = 0;
    QDateTime expiresAt;

    // "4.7 GB · 8B · Q4_K_M · 128k context · tools, vision · loaded": what is known, in the
    // order a person compares models.
    QString summary() const;
    // The capabilities worth naming: every model completes text, so "completion" is left out.
    QStringList notableCapabilities() const;

    // "4.7 GB", "820 MB": decimal units, as Ollama itself shows sizes.
    static QString formatSize(qint64 bytes);
    // "128k", "8k", "1M", "2.5k": tokens, in decimal thousands where they divide evenly,
    // else binary ones (131072 is "128k" as 128000 is).
    static QString formatContext(qint64 tokens);
    // "8.0B" -> "8B", "3.2B" stays: the parameter count without a trailing ".0".
    static QString formatParameters(const QString &parameterSize);
};

// Reading Ollama's native API answers; each checks types and sizes and says what is wrong.
namespace OllamaApi {

// The server root the native API lives under: "http://host:11434/v1" -> "http://host:11434".
QUrl rootOf(const QUrl &baseUrl);
// root + "/api/tags", keeping a path prefix the root may have (a reverse proxy).
QUrl endpoint(const QUrl &root, QStringView path);

// GET /api/tags: {"models":[{"name","size","details":{…}}]}, in the server's order.
Result<QList<OllamaModel>> parseTags(const QByteArray &body);
// POST /api/show: fills context length (model_info "<arch>.context_length") and capabilities.
Status applyShow(OllamaModel &model, const QByteArray &body);
// GET /api/ps: marks the models loaded now, with their memory use and when they unload.
Status applyPs(QList<OllamaModel> &models, const QByteArray &body);

} // namespace OllamaApi

} // namespace gatehouse
