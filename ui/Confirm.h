#pragma once

#include <QMessageBox>
#include <QPushButton>
#include <functional>

namespace gatehouse {

// Asks before a change that cannot simply be undone, without blocking the event loop:
// `confirmed` runs only if the user picks `action`; Cancel is the default. The box is named
// `objectName`, so tests can find and answer it as a person would.
inline void askToConfirm(QWidget *parent, const QString &objectName, QMessageBox::Icon icon,
                         const QString &title, const QString &text, const QString &action,
                         std::function<void()> confirmed)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    QPushButton *go =
        box->addButton(action, icon == QMessageBox::Warning ? QMessageBox::AcceptRole
                                                            : QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, parent,
                     [box, go, confirmed = std::move(confirmed)] {
                         if (box->clickedButton() == go)
                             confirmed();
                     });
    box->open();
}

} // namespace gatehouse
