#pragma once

#include "config/Routing.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace gatehouse {

class GatewayRuntime;

// Aliases and fallback chains: a name ("fast", "coder", or a model reference) mapped to
// candidates in order, with a strategy, weights, retries and a deadline.
class RoutingPage : public QWidget
{
    Q_OBJECT
public:
    explicit RoutingPage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    QListWidget *routeList() const { return m_routes; }
    // Whose routes are shown: all keys (""), or the keys of one key configuration.
    QComboBox *scopeBox() const { return m_scope; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *strategyBox() const { return m_strategy; }
    QTreeWidget *candidateList() const { return m_candidates; }
    QComboBox *candidatePicker() const { return m_candidate; }
    QSpinBox *retriesBox() const { return m_retries; }
    QSpinBox *deadlineBox() const { return m_deadline; }
    QLabel *message() const { return m_message; }

    // The rule as edited, or what is wrong with it.
    Result<RouteRule> editedRule() const;

public slots:
    void newRoute();
    void addCandidate();
    void removeCandidate();
    void moveCandidate(int delta);
    bool save();
    void deleteRoute(bool confirmed = false);

signals:
    void routesChanged();

private:
    void showRule(const RouteRule &rule);
    void updateWeights();
    void fillModelChoices();

    QString scope() const;

    GatewayRuntime *m_runtime;
    QComboBox *m_scope;
    QListWidget *m_routes;
    QLineEdit *m_name;
    QComboBox *m_strategy;
    QTreeWidget *m_candidates;
    QComboBox *m_candidate;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QSpinBox *m_retries;
    QSpinBox *m_deadline;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_new;
    QLabel *m_message;
    QString m_editing; // the name of the rule being edited; empty for a new one
};

} // namespace gatehouse
