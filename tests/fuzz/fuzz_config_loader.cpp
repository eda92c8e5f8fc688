// The config file as ConfigStore reads it from disk: whatever the bytes, loading either gives
// a config or a readable reason (and keeps the unreadable file aside); a config it accepts is
// written back (toJson) into JSON that loads again into the same config.
//
// Input: the config file's bytes.
#include "FuzzSupport.h"
#include "config/ConfigStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace gatehouse;

namespace {

QTemporaryDir *directory()
{
    static QTemporaryDir dir;
    return &dir;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    FUZZ_CHECK(directory()->isValid());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConfigStore store(
        directory()->path(), [](int n) { return QByteArray(n, 'r'); },
        [] { return QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC); });
    {
        QFile file(store.configPath());
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(bytes) == bytes.size());
    }
    const Result<Config> loaded = store.load();

    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &e);
    const bool isObject = e.error == QJsonParseError::NoError && doc.isObject();
    if (!loaded) {
        FUZZ_CHECK(!loaded.error().isEmpty());
        // The unreadable file was kept aside; remove the copies for the next run.
        QDir dir(directory()->path());
        const QStringList aside =
            dir.entryList({QStringLiteral("config.json.unreadable-*")}, QDir::Files);
        FUZZ_CHECK(aside.size() == 1);
        for (const QString &name : aside)
            dir.remove(name);
        if (isObject)
            FUZZ_CHECK(!Config::fromJson(doc.object()));
        return 0;
    }
    FUZZ_CHECK(isObject);
    const QJsonObject written = loaded->toJson();
    const QByteArray text = QJsonDocument(written).toJson();
    const QJsonDocument back = QJsonDocument::fromJson(text, &e);
    FUZZ_CHECK(e.error == QJsonParseError::NoError && back.isObject());
    const Result<Config> again = Config::fromJson(back.object());
    if (!again)
        std::fprintf(stderr, "written config does not load: %s\n%s\n", qPrintable(again.error()),
                     text.constData());
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->toJson() == written);
    return 0;
}
