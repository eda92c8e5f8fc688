#include "LogsPage.h"

#include "Confirm.h"
#include "config/ConfigStore.h"
#include "gateway/EndpointTable.h"
#include "gateway/GatewayService.h"
#include "log/CaptureStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>
#include <set>

namespace gatehouse {

namespace {

QString requestLogPath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("requests.sqlite"));
}

QString capturesPath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("captures.sqlite"));
}

QString tokens(qint64 n)
{
    return n < 0 ? QStringLiteral("–") : QString::number(n);
}

QString money(double usd)
{
    if (usd < 0)
        return QStringLiteral("–");
    return QStringLiteral("$") + QString::number(usd, 'f', usd < 0.01 ? 6 : 4);
}

QString milliseconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("–") : QString::number(ms);
}

// JSON indented for reading; anything else as it is.
QString pretty(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(body);
}

// The text of a message's content: a string, or the text parts of an array of parts.
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue part : array) {
        const QJsonObject o = part.toObject();
        if (o.value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << o.value(QLatin1String("text")).toString();
    }
    return parts.join(QStringLiteral("\n"));
}

QPlainTextEdit *bodyView(const QString &name, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

RequestLogModel::RequestLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void RequestLogModel::setQuery(const QString &path, const RequestLogFilter &filter)
{
    m_path = path;
    m_filter = filter;
    reload();
}

void RequestLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_nextBeforeId = -1;
    m_newestId = 0;
    m_error.clear();
    if (QFileInfo::exists(m_path)) {
        auto page = RequestLogQuery::page(m_path, m_filter, pageSize);
        if (page) {
            m_rows = page.value().rows;
            m_nextBeforeId = page.value().nextBeforeId;
        } else {
            m_error = page.error();
        }
    }
    if (!m_rows.isEmpty())
        m_newestId = m_rows.first().id;
    endResetModel();
}

int RequestLogModel::fetchNewer()
{
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return 0;
    auto newer = RequestLogQuery::newer(m_path, m_filter, m_newestId, pageSize);
    if (!newer) {
        m_error = newer.error();
        return 0;
    }
    const QList<RequestLogEntry> &rows = newer.value();
    if (rows.isEmpty())
        return 0;
    if (rows.size() >= pageSize) {
        // More came than a page: start again from the newest rather than leave a gap.
        reload();
        return static_cast<int>(rows.size());
    }
    const int n = static_cast<int>(rows.size());
    beginInsertRows({}, 0, n - 1);
    for (const RequestLogEntry &e : rows) // oldest first: each goes on top of the last
        m_rows.prepend(e);
    m_newestId = m_rows.first().id;
    endInsertRows();
    return n;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RequestLogEntry &e = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Status:
        case Attempts:
        case Ttfb:
        case Total:
        case Tokens:
        case Cost:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Status && !e.error.isEmpty())
        return e.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        // The year and seconds' fractions are in the detail pane.
        return QDateTime::fromMSecsSinceEpoch(e.timeMs).toLocalTime().toString(
            QStringLiteral("MM-dd HH:mm:ss"));
    case Key:
        return e.accessKey;
    case Endpoint:
        return e.endpoint;
    case Requested:
        return e.requestedModel;
    case Answered:
        return e.provider.isEmpty() ? e.model : QString(e.provider + QLatin1Char(':') + e.model);
    case Status:
        return e.status;
    case Attempts:
        return e.attemptCount;
    case Ttfb:
        return milliseconds(e.firstByteMs);
    case Total:
        return e.totalMs;
    case Tokens:
        return QString(tokens(e.inputTokens) + QStringLiteral(" / ") + tokens(e.outputTokens));
    case Cost: // to a hundredth of a cent here; the detail pane has it all
        return e.cost < 0 ? QStringLiteral("–")
                          : QString(QStringLiteral("$") + QString::number(e.cost, 'f', 4));
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Key:
        return tr("Key");
    case Endpoint:
        return tr("Endpoint");
    case Requested:
        return tr("Model asked for");
    case Answered:
        return tr("Answered by");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case Ttfb:
        return tr("TTFB ms");
    case Total:
        return tr("Total ms");
    case Tokens:
        return tr("Tokens in / out");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

bool RequestLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextBeforeId >= 0;
}

void RequestLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = RequestLogQuery::page(m_path, m_filter, pageSize, m_nextBeforeId);
    if (!page) {
        m_error = page.error();
        m_nextBeforeId = -1;
        return;
    }
    m_nextBeforeId = page.value().nextBeforeId;
    const QList<RequestLogEntry> &rows = page.value().rows;
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

LogsPage::LogsPage(const QString &configDir, GatewayService *service, QWidget *parent)
    : QWidget(parent), m_dir(configDir), m_model(new RequestLogModel(this)),
      m_range(new QComboBox(this)), m_key(new QComboBox(this)), m_provider(new QComboBox(this)),
      m_modelEdit(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_endpoint(new QComboBox(this)), m_table(new QTableView(this)),
      m_detail(new QTextBrowser(this)), m_bodies(new QTabWidget(this)),
      m_requestBody(bodyView(QStringLiteral("requestBody"), this)),
      m_responseBody(bodyView(QStringLiteral("responseBody"), this)),
      m_events(bodyView(QStringLiteral("responseEvents"), this)),
      m_openInChat(new QPushButton(tr("Open in &chat"), this)), m_clearScope(new QComboBox(this)),
      m_clearBefore(new QDateEdit(this)), m_clear(new QPushButton(tr("C&lear…"), this)),
      m_message(new QLabel(this)), m_poll(new QTimer(this)), m_filterDelay(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);

    m_range->setObjectName(QStringLiteral("timeRange"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last 15 minutes"), Last15Minutes);
    m_range->addItem(tr("Last hour"), LastHour);
    m_range->addItem(tr("Last 24 hours"), LastDay);
    m_range->addItem(tr("Last 7 days"), LastWeek);
    m_range->addItem(tr("All time"), AllTime);
    m_range->setCurrentIndex(m_range->findData(AllTime));
    m_key->setObjectName(QStringLiteral("keyFilter"));
    m_key->setAccessibleName(tr("Access key"));
    m_provider->setObjectName(QStringLiteral("providerFilter"));
    m_provider->setAccessibleName(tr("Provider"));
    m_modelEdit->setObjectName(QStringLiteral("modelFilter"));
    m_modelEdit->setAccessibleName(tr("Model"));
    m_modelEdit->setPlaceholderText(tr("Any model"));
    m_modelEdit->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), 0);
    m_status->addItem(tr("2xx"), 2);
    m_status->addItem(tr("4xx"), 4);
    m_status->addItem(tr("5xx"), 5);
    m_status->addItem(tr("499 (client left)"), 499);
    m_endpoint->setObjectName(QStringLiteral("endpointFilter"));
    m_endpoint->setAccessibleName(tr("Endpoint"));
    m_endpoint->addItem(tr("Any endpoint"), QString());
    std::set<QString> endpoints;
    for (const EndpointSpec &spec : EndpointTable::standard().specs()) {
        if (spec.logName)
            endpoints.insert(QString::fromLatin1(spec.logName));
    }
    for (const QString &e : endpoints)
        m_endpoint->addItem(e, e);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_range);
    filters->addWidget(m_key);
    filters->addWidget(m_provider);
    filters->addWidget(m_modelEdit, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_endpoint);
    layout->addLayout(filters);

    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setAccessibleName(tr("Requests"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[RequestLogModel::ColumnCount] = {14, 9, 13, 13, 16, 4, 3, 5, 5, 10, 7};
    const QFontMetrics header(m_table->horizontalHeader()->font());
    for (int c = 0; c < RequestLogModel::ColumnCount; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        m_table->setColumnWidth(
            c, std::max(widths[c] * digit + 12, header.horizontalAdvance(title) + 2 * digit));
    }

    m_detail->setObjectName(QStringLiteral("logDetail"));
    m_detail->setAccessibleName(tr("Request detail"));
    m_detail->setOpenLinks(false);
    m_bodies->setObjectName(QStringLiteral("capturedBodies"));
    m_bodies->addTab(m_requestBody, tr("Request"));
    m_bodies->addTab(m_responseBody, tr("Response"));
    m_bodies->addTab(m_events, tr("Stream events"));
    m_openInChat->setObjectName(QStringLiteral("openInChat"));
    m_openInChat->setToolTip(tr("Continue this conversation in the chat, with any model"));
    m_openInChat->setEnabled(false);

    auto *bodiesBox = new QWidget(this);
    auto *bodiesLayout = new QVBoxLayout(bodiesBox);
    bodiesLayout->setContentsMargins(0, 0, 0, 0);
    bodiesLayout->addWidget(m_bodies, 1);
    auto *chatRow = new QHBoxLayout;
    chatRow->addStretch(1);
    chatRow->addWidget(m_openInChat);
    bodiesLayout->addLayout(chatRow);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_detail);
    lower->addWidget(bodiesBox);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_clearScope->setObjectName(QStringLiteral("clearScope"));
    m_clearScope->setAccessibleName(tr("What to clear"));
    m_clearScope->addItem(tr("Everything"), false);
    m_clearScope->addItem(tr("Older than"), true);
    m_clearBefore->setObjectName(QStringLiteral("clearBefore"));
    m_clearBefore->setAccessibleName(tr("Clear requests before"));
    m_clearBefore->setCalendarPopup(true);
    m_clearBefore->setDate(QDate::currentDate().addDays(-7));
    m_clearBefore->setEnabled(false);
    m_clear->setObjectName(QStringLiteral("clearLog"));
    m_message->setObjectName(QStringLiteral("logMessage"));
    m_message->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(new QLabel(tr("Clear the log:"), this));
    bottom->addWidget(m_clearScope);
    bottom->addWidget(m_clearBefore);
    bottom->addWidget(m_clear);
    layout->addLayout(bottom);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(300);
    connect(m_filterDelay, &QTimer::timeout, this, &LogsPage::applyFilters);
    for (QComboBox *box : {m_range, m_key, m_provider, m_status, m_endpoint})
        connect(box, &QComboBox::currentIndexChanged, this, &LogsPage::applyFilters);
    connect(m_modelEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_modelEdit, &QLineEdit::returnPressed, this, &LogsPage::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogsPage::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogsPage::showDetail);
    connect(m_openInChat, &QPushButton::clicked, this, [this] {
        if (!m_conversation.isEmpty())
            emit openInChat(m_conversation);
    });
    connect(m_clearScope, &QComboBox::currentIndexChanged, this,
            [this] { m_clearBefore->setEnabled(m_clearScope->currentData().toBool()); });
    connect(m_clear, &QPushButton::clicked, this, &LogsPage::clearLog);

    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &LogsPage::follow);
    m_poll->start();
    if (service)
        connect(service, &GatewayService::requestServed, this, &LogsPage::follow);

    fillChoices();
    showDetail();
}

void LogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fillChoices();
    if (m_model->rowCount() == 0)
        applyFilters();
    else
        follow();
}

void LogsPage::fillChoices()
{
    auto config = ConfigStore(m_dir).load();
    if (!config)
        return;
    auto fill = [](QComboBox *box, const QString &any, const QStringList &names) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(any, QString());
        for (const QString &n : names)
            box->addItem(n, n);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    QStringList keys;
    for (const AccessKeyRecord &k : config.value().accessKeys)
        keys << k.name;
    QStringList providers;
    for (const Provider &p : config.value().providers)
        providers << p.id;
    fill(m_key, tr("Any key"), keys);
    fill(m_provider, tr("Any provider"), providers);
}

RequestLogFilter LogsPage::filter() const
{
    RequestLogFilter f;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (m_range->currentData().toInt()) {
    case Last15Minutes:
        f.sinceMs = now - 15LL * 60 * 1000;
        break;
    case LastHour:
        f.sinceMs = now - 60LL * 60 * 1000;
        break;
    case LastDay:
        f.sinceMs = now - 24LL * 60 * 60 * 1000;
        break;
    case LastWeek:
        f.sinceMs = now - 7LL * 24 * 60 * 60 * 1000;
        break;
    default:
        break;
    }
    f.accessKey = m_key->currentData().toString();
    f.provider = m_provider->currentData().toString();
    f.model = m_modelEdit->text().trimmed();
    f.endpoint = m_endpoint->currentData().toString();
    const int status = m_status->currentData().toInt();
    if (status >= 100)
        f.status = status;
    else
        f.statusClass = status;
    return f;
}

void LogsPage::applyFilters()
{
    m_filterDelay->stop();
    m_model->setQuery(requestLogPath(m_dir), filter());
    if (!m_sized && m_model->rowCount() > 0) {
        // Once, to what the first rows need; then the widths are the user's.
        m_sized = true;
        m_table->resizeColumnsToContents();
        const int widest = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 17;
        for (int c : {RequestLogModel::Key, RequestLogModel::Endpoint, RequestLogModel::Requested,
                      RequestLogModel::Answered})
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), widest));
    }
    if (!m_model->error().isEmpty())
        m_message->setText(tr("The request log could not be read: %1").arg(m_model->error()));
    else if (m_model->rowCount() == 0)
        m_message->setText(tr("No requests match."));
    else
        m_message->clear();
}

void LogsPage::refresh()
{
    fillChoices();
    applyFilters();
}

void LogsPage::follow()
{
    if (!isVisible() || m_clearing)
        return;
    // Someone reading older rows keeps their place; the top fills in when they come back.
    if (m_table->verticalScrollBar()->value() > 0)
        return;
    if (m_model->fetchNewer() > 0 && !m_message->text().isEmpty() && m_model->error().isEmpty())
        m_message->clear();
}

void LogsPage::showDetail()
{
    m_conversation.clear();
    m_openInChat->setEnabled(false);
    m_requestBody->clear();
    m_responseBody->clear();
    m_events->clear();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("Pick a request to see how it went.").toHtmlEscaped()));
        m_bodies->setEnabled(false);
        return;
    }
    const RequestLogEntry &e = m_model->entry(current.row());
    QString html;
    auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    html += QStringLiteral("<table>");
    row(tr("Request"), e.requestId);
    row(tr("Time"), QDateTime::fromMSecsSinceEpoch(e.timeMs).toLocalTime().toString(
                        QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    row(tr("Endpoint"), e.endpoint + (e.stream ? tr(" (streamed)") : QString()));
    if (!e.accessKey.isEmpty())
        row(tr("Access key"), e.accessKey);
    row(tr("Model asked for"), e.requestedModel);
    if (!e.route.isEmpty())
        row(tr("Route"), e.route);
    row(tr("Status"), QString::number(e.status));
    if (!e.error.isEmpty())
        row(tr("Error"), e.error);
    row(tr("First byte"), e.firstByteMs < 0 ? tr("none") : tr("%1 ms").arg(e.firstByteMs));
    row(tr("Total"), tr("%1 ms").arg(e.totalMs));
    row(tr("Tokens"), tr("%1 in (%2 cached) · %3 out (%4 reasoning)")
                          .arg(tokens(e.inputTokens), tokens(e.cachedTokens),
                               tokens(e.outputTokens), tokens(e.reasoningTokens)));
    row(tr("Cost"), e.cost < 0 ? tr("unknown") : money(e.cost));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Attempts").toHtmlEscaped());
    const QList<RequestLogQuery::Attempt> attempts = RequestLogQuery::attempts(e);
    for (const RequestLogQuery::Attempt &a : attempts) {
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2&nbsp;&nbsp;</td><td>%3</td></tr>")
                    .arg(a.target.toHtmlEscaped(), a.result.toHtmlEscaped(),
                         a.ms < 0 ? QString() : tr("%1 ms").arg(a.ms).toHtmlEscaped());
    }
    if (attempts.isEmpty())
        html += QStringLiteral("<tr><td>%1</td></tr>").arg(tr("none").toHtmlEscaped());
    html += QStringLiteral("</table>");

    const auto headers = RequestLogQuery::addedHeaders(e);
    if (!headers.isEmpty()) {
        html +=
            QStringLiteral("<h4>%1</h4><pre>").arg(tr("Headers Gatehouse added").toHtmlEscaped());
        for (const auto &[name, value] : headers)
            html +=
                QString(name + QStringLiteral(": ") + value).toHtmlEscaped() + QLatin1Char('\n');
        html += QStringLiteral("</pre>");
    }

    std::optional<CapturedExchange> capture;
    const QString captures = capturesPath(m_dir);
    if (QFileInfo::exists(captures)) {
        auto found = CaptureStore::find(captures, e.requestId);
        if (found)
            capture = found.value();
        else
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("The captured bodies could not be read: %1")
                                 .arg(found.error())
                                 .toHtmlEscaped());
    }
    if (capture) {
        m_bodies->setEnabled(true);
        m_requestBody->setPlainText(pretty(capture->requestBody));
        m_responseBody->setPlainText(pretty(capture->responseBody));
        m_events->setPlainText(QString::fromUtf8(capture->responseEvents));
        m_bodies->setTabEnabled(2, !capture->responseEvents.isEmpty());
        if (capture->truncated)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("A body was longer than the capture limit and is cut short.")
                                 .toHtmlEscaped());
        if (!capture->truncated)
            m_conversation = conversationOf(e.endpoint, capture->requestBody);
        m_openInChat->setEnabled(!m_conversation.isEmpty());
    } else {
        m_bodies->setEnabled(false);
        m_requestBody->setPlainText(
            tr("Bodies are not captured for this request. A key configuration can capture "
               "them (Access keys › Key configurations)."));
    }
    m_detail->setHtml(html);
}

QList<ChatTurn> LogsPage::conversationOf(const QString &endpoint, const QByteArray &body)
{
    if (endpoint != QLatin1String("chat/completions") && endpoint != QLatin1String("messages"))
        return {};
    const QJsonArray messages =
        QJsonDocument::fromJson(body).object().value(QLatin1String("messages")).toArray();
    QList<ChatTurn> turns;
    for (const QJsonValue m : messages) {
        const QJsonObject o = m.toObject();
        const QString role = o.value(QLatin1String("role")).toString();
        ChatTurn turn;
        if (role == QLatin1String("user"))
            turn.role = ChatTurn::Role::User;
        else if (role == QLatin1String("assistant"))
            turn.role = ChatTurn::Role::Assistant;
        else
            continue; // system prompts and tool results have no place in the chat
        turn.text = contentText(o.value(QLatin1String("content")));
        if (!turn.text.isEmpty())
            turns.append(turn);
    }
    return turns;
}

void LogsPage::clearLog()
{
    if (m_clearing)
        return;
    const bool olderThan = m_clearScope->currentData().toBool();
    const QDate day = m_clearBefore->date();
    const qint64 beforeMs =
        olderThan ? QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch() : qint64{-1};
    const QString text =
        olderThan ? tr("Delete every logged request from before %1? Captured bodies of those "
                       "requests go too. This cannot be undone.")
                        .arg(QLocale().toString(day, QLocale::LongFormat))
                  : tr("Delete every logged request and every captured body? This cannot be "
                       "undone.");
    askToConfirm(this, QStringLiteral("confirmClearLog"), QMessageBox::Question,
                 tr("Clear the request log"), text, tr("Clear"), [this, beforeMs] {
                     m_clearing = true;
                     m_clear->setEnabled(false);
                     m_message->setText(tr("Clearing…"));
                     const QString dir = m_dir;
                     struct Outcome
                     {
                         qint64 removed = -1;
                         QString error;
                     };
                     auto outcome = std::make_shared<Outcome>();
                     // Deleting a million rows takes a while: not on the window's thread.
                     QThread *worker = QThread::create([dir, beforeMs, outcome] {
                         auto r = RequestLogQuery::clear(requestLogPath(dir), beforeMs);
                         if (r)
                             outcome->removed = r.value();
                         else
                             outcome->error = r.error();
                         if (QFileInfo::exists(capturesPath(dir)))
                             (void)CaptureStore::clear(capturesPath(dir), beforeMs);
                     });
                     QPointer<LogsPage> self(this);
                     connect(worker, &QThread::finished, worker, [self, worker, outcome] {
                         worker->deleteLater();
                         if (!self)
                             return;
                         self->m_clearing = false;
                         self->m_clear->setEnabled(true);
                         self->applyFilters();
                         if (!outcome->error.isEmpty()) {
                             self->m_message->setText(
                                 tr("The log could not be cleared: %1").arg(outcome->error));
                             return;
                         }
                         self->m_message->setText(tr("Removed %n request(s).", nullptr,
                                                     static_cast<int>(outcome->removed)));
                         emit self->cleared(outcome->removed);
                     });
                     worker->start();
                 });
}

} // namespace gatehouse
