#pragma once

#include "chat/ChatClient.h"
#include "log/RequestLogQuery.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace gatehouse {

class GatewayService;

// The request log as a table model, newest first, read a page at a time so that a log of a
// million rows costs no more than one of a hundred.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Key,
        Endpoint,
        Requested,
        Answered,
        Status,
        Attempts,
        Ttfb,
        Total,
        Tokens,
        Cost,
        ColumnCount
    };
    static constexpr int pageSize = 200;

    explicit RequestLogModel(QObject *parent = nullptr);

    // Reads the first page of `path` matching `filter`, dropping what was shown.
    void setQuery(const QString &path, const RequestLogFilter &filter);
    void reload();
    // Adds the rows written since the newest shown, on top; says how many came.
    int fetchNewer();
    const RequestLogEntry &entry(int row) const { return m_rows.at(row); }
    // Why the log could not be read; empty when it could.
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QString m_path;
    RequestLogFilter m_filter;
    QList<RequestLogEntry> m_rows;
    qint64 m_nextBeforeId = -1;
    qint64 m_newestId = 0;
    QString m_error;
};

// The Logs page: what each request asked, where it went, how it ended and what it cost,
// with filters, the detail of one request (its bodies when they were captured), replaying a
// captured conversation in the chat, and clearing the log.
class LogsPage : public QWidget
{
    Q_OBJECT
public:
    // `configDir` holds requests.sqlite and captures.sqlite; `service` (may be null) says
    // when a request was served, so the table follows at once.
    LogsPage(const QString &configDir, GatewayService *service, QWidget *parent = nullptr);

    enum TimeRange
    {
        Last15Minutes,
        LastHour,
        LastDay,
        LastWeek,
        AllTime
    };

    RequestLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *timeRange() const { return m_range; }
    QComboBox *keyFilter() const { return m_key; }
    QComboBox *providerFilter() const { return m_provider; }
    QLineEdit *modelFilter() const { return m_modelEdit; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *endpointFilter() const { return m_endpoint; }
    QTextBrowser *detail() const { return m_detail; }
    QTabWidget *bodies() const { return m_bodies; }
    QPlainTextEdit *requestBody() const { return m_requestBody; }
    QPlainTextEdit *responseBody() const { return m_responseBody; }
    QPlainTextEdit *responseEvents() const { return m_events; }
    QPushButton *openInChatButton() const { return m_openInChat; }
    QComboBox *clearScope() const { return m_clearScope; }
    QDateEdit *clearBefore() const { return m_clearBefore; }
    QPushButton *clearButton() const { return m_clear; }
    QLabel *message() const { return m_message; }

    // The turns of a captured Chat Completions or Messages request body; empty for any other.
    static QList<ChatTurn> conversationOf(const QString &endpoint, const QByteArray &body);

public slots:
    // Reads the filters' choices (the key and provider lists from the config) and the log anew.
    void refresh();
    // Asks, then clears the log (everything, or what is older than the chosen day).
    void clearLog();
    // Adds new requests at the top, unless the user scrolled away from it.
    void follow();

signals:
    // The captured conversation of the selected request, to continue in the chat.
    void openInChat(const QList<gatehouse::ChatTurn> &turns);
    // The log was cleared (in part).
    void cleared(qint64 removed);

protected:
    void showEvent(QShowEvent *event) override;

private:
    RequestLogFilter filter() const;
    void applyFilters();
    void showDetail();
    void fillChoices();

    QString m_dir;
    RequestLogModel *m_model;
    QComboBox *m_range;
    QComboBox *m_key;
    QComboBox *m_provider;
    QLineEdit *m_modelEdit;
    QComboBox *m_status;
    QComboBox *m_endpoint;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QTabWidget *m_bodies;
    QPlainTextEdit *m_requestBody;
    QPlainTextEdit *m_responseBody;
    QPlainTextEdit *m_events;
    QPushButton *m_openInChat;
    QComboBox *m_clearScope;
    QDateEdit *m_clearBefore;
    QPushButton *m_clear;
    QLabel *m_message;
    QTimer *m_poll;
    QTimer *m_filterDelay;
    QList<ChatTurn> m_conversation;
    bool m_clearing = false;
    bool m_sized = false;
};

} // namespace gatehouse
