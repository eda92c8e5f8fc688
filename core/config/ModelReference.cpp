#include "ModelReference.h"

#include <QCoreApplication>

namespace gatehouse {

QString ModelReference::toString() const
{
    return hasProvider() ? provider + QLatin1Char(':') + model : model;
}

Result<ModelReference> ModelReference::parse(const QString &text)
{
    if (text.isEmpty())
        return Result<ModelReference>::failure(
            QCoreApplication::translate("ModelReference", "The model name is empty."));
    if (text.trimmed() != text)
        return Result<ModelReference>::failure(
            QCoreApplication::translate("ModelReference",
                                        "The model name \"%1\" has leading or trailing spaces.")
                .arg(text));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return Result<ModelReference>::failure(QCoreApplication::translate(
                "ModelReference", "The model name contains a control character."));
    }
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    ModelReference ref;
    if (colon < 0) {
        ref.model = text;
        return ref;
    }
    ref.provider = text.left(colon);
    ref.model = text.mid(colon + 1);
    if (ref.provider.isEmpty())
        return Result<ModelReference>::failure(
            QCoreApplication::translate(
                "ModelReference", "\"%1\" names no provider before the colon; use provider:model.")
                .arg(text));
    if (ref.model.isEmpty())
        return Result<ModelReference>::failure(
            QCoreApplication::translate(
                "ModelReference", "\"%1\" names no model after the colon; use provider:model.")
                .arg(text));
    return ref;
}

} // namespace gatehouse
