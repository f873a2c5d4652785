#include <widgets/pricecard.h>

#include <feed/markettime.h>
#include <widgets/accessiblenotifier.h>
#include <widgets/pricecardaccessible.h>
#include <widgets/sparklinewidget.h>

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QVBoxLayout>

namespace quotecast {

namespace {
QString money(qint64 cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 2);
}

QString signedText(const QString &unsignedText, qint64 sign)
{
    // U+2212 MINUS SIGN lines up with '+' in proportional fonts, unlike '-'.
    const QChar prefix = sign > 0 ? u'+' : sign < 0 ? u'\u2212' : QChar();
    return prefix.isNull() ? unsignedText : prefix + unsignedText;
}

// The change in percent of the previous price, unsigned, as shown.
QString percentText(qint64 priceCents, qint64 changeCents)
{
    const qint64 previous = priceCents - changeCents;
    const double percent = previous != 0 ? 100.0 * double(changeCents) / double(previous) : 0;
    return QLocale().toString(qAbs(percent), 'f', 2);
}
} // namespace

PriceCard::PriceCard(const QString &symbol, QWidget *parent)
    : QFrame(parent)
    , m_symbol(symbol)
    , m_symbolLabel(new QLabel(symbol, this))
    , m_priceLabel(new QLabel(QStringLiteral("—"), this))
    , m_dateLabel(new QLabel(this))
    , m_changeLabel(new QLabel(this))
    , m_sparkline(new SparklineWidget(this))
    , m_menu(new QMenu(this))
    , m_setPriceAction(m_menu->addAction(tr("Set &Price…")))
    , m_removeAction(m_menu->addAction(tr("&Remove %1").arg(symbol)))
    , m_notifier(new AccessibleNotifier(this))
{
    PriceCardAccessible::install();
    setObjectName(QStringLiteral("card_") + symbol);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // Focus lets the keyboard reach the context menu.
    setFocusPolicy(Qt::StrongFocus);

    m_setPriceAction->setObjectName(QStringLiteral("setPriceAction"));
    connect(m_setPriceAction, &QAction::triggered, this,
            [this] { emit setPriceRequested(m_symbol); });
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    connect(m_removeAction, &QAction::triggered, this, [this] { emit removeRequested(m_symbol); });
    m_priceLabel->setObjectName(QStringLiteral("priceLabel"));
    m_dateLabel->setObjectName(QStringLiteral("dateLabel"));
    m_dateLabel->hide();
    m_priceLabel->installEventFilter(this);
    // QLabel::setText tells assistive technology that a label's name changed, at every tick,
    // unless the label has a name of its own. The card's group (PriceCardAccessible) reads what
    // these labels draw and has them as no children: with fixed names, nothing of a tick leaves
    // them, and a reader is told of the card only, at most once a second (AccessibleNotifier).
    m_priceLabel->setAccessibleName(tr("%1 price").arg(symbol));
    m_changeLabel->setAccessibleName(tr("%1 change").arg(symbol));
    m_dateLabel->setAccessibleName(tr("%1 price's date").arg(symbol));

    QFont symbolFont = m_symbolLabel->font();
    symbolFont.setBold(true);
    m_symbolLabel->setFont(symbolFont);
    applyPriceFont();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_symbolLabel);
    layout->addWidget(m_priceLabel);
    layout->addWidget(m_dateLabel);
    layout->addWidget(m_changeLabel);
    layout->addWidget(m_sparkline);
    layout->addStretch();
}

QSize PriceCard::minimumSizeHint() const
{
    // 180 pixels leave a short price room for its sparkline. A hint, not setMinimumWidth(180):
    // a widget's own minimum width overrides its layout's, and a large font's price was cut.
    return QFrame::minimumSizeHint().expandedTo(QSize(180, 0));
}

void PriceCard::applyPriceFont()
{
    // Relative to the card's font, so that a larger application font (or the desktop's "large
    // text") enlarges the price too; the layout then widens the card rather than clip it.
    QFont priceFont = font();
    if (priceFont.pointSizeF() > 0)
        priceFont.setPointSizeF(priceFont.pointSizeF() * 2.2);
    else
        priceFont.setPixelSize(qRound(priceFont.pixelSize() * 2.2));
    priceFont.setBold(true);
    m_priceLabel->setFont(priceFont);
}

void PriceCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyPriceFont();
}

void PriceCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!hasFocus())
        return;
    // A 3-pixel band of the palette's Highlight, and inside it a line of the text colour, which
    // contrasts with the card's fill (tst_dashboardkeyboard) where Highlight may not, as
    // the light palette's blue on a green card.
    QPainter painter(this);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
    painter.drawRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5));
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1));
    painter.drawRect(QRectF(rect()).adjusted(3.5, 3.5, -3.5, -3.5));
}

void PriceCard::keyPressEvent(QKeyEvent *event)
{
    // The platform turns the Menu key into a context menu event; Shift+F10, the other key for
    // it on Windows and in KDE and GNOME, is ours to handle.
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        const QPoint centre = rect().center();
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, centre, mapToGlobal(centre));
        QCoreApplication::sendEvent(this, &menuEvent);
        return;
    }
    QFrame::keyPressEvent(event);
}

void PriceCard::contextMenuEvent(QContextMenuEvent *event)
{
    m_menu->popup(event->globalPos());
}

bool PriceCard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_priceLabel && event->type() == QEvent::MouseButtonDblClick) {
        if (m_setPriceAction->isEnabled())
            emit setPriceRequested(m_symbol);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

QString PriceCard::priceText() const
{
    return m_priceLabel->text();
}

QString PriceCard::changeText() const
{
    return m_changeLabel->text();
}

QString PriceCard::dateText() const
{
    return m_dateLabel->isVisibleTo(this) ? m_dateLabel->text() : QString();
}

void PriceCard::setReplaying(bool replaying)
{
    m_replaying = replaying;
    const QString why = replaying
        ? tr("Not while replaying recorded prices: File → Back to Simulated Prices first")
        : QString();
    for (QAction *action : { m_setPriceAction, m_removeAction }) {
        action->setEnabled(!replaying);
        action->setStatusTip(why);
    }
    showDate();
    // A card without a price has nothing to tell yet: its first tell is its first price, at once.
    if (hasPrice())
        m_notifier->textChanged();
}

void PriceCard::showDate()
{
    // ISO 8601, as the page shows it: unambiguous in every language.
    const QString date = m_replaying ? marketTimeText(m_marketTimeMs) : QString();
    m_dateLabel->setText(date);
    m_dateLabel->setVisible(!date.isEmpty());
}

void PriceCard::setQuote(const Quote &quote)
{
    Q_ASSERT(quote.symbol == m_symbol);
    m_priceLabel->setText(money(quote.priceCents));
    m_priceCents = quote.priceCents;
    m_changeCents = quote.changeCents;
    m_marketTimeMs = quote.marketTimeMs;
    showDate();
    m_trail.add(quote);
    showTrail();

    m_changeLabel->setText(
        QStringLiteral("%1 (%2 %)")
            .arg(signedText(money(qAbs(quote.changeCents)), quote.changeCents),
                 signedText(percentText(quote.priceCents, quote.changeCents), quote.changeCents)));

    const Trend trend = quote.changeCents > 0 ? Trend::Up
        : quote.changeCents < 0               ? Trend::Down
                                              : Trend::Flat;
    if (trend != m_trend) {
        m_trend = trend;
        applyTrendColours();
        emit trendChanged(trend);
    }
    m_notifier->textChanged();
}

void PriceCard::setQuotes(const QList<Quote> &quotes)
{
    if (quotes.isEmpty())
        return;
    for (qsizetype i = 0; i + 1 < quotes.size(); ++i)
        m_trail.add(quotes[i]);
    setQuote(quotes.constLast());
}

QString PriceCard::accessibleSummary() const
{
    if (!hasPrice())
        return tr("%1, no price yet").arg(m_symbol);
    const QString price = money(m_priceCents);
    // The currency's word agrees with the price as written, with its two decimals, as on the page
    // (Intl.PluralRules): by the whole dollars, Qt's plural rules give French "1,50 dollar" and
    // "2,00 dollars"; English, where a number with decimals is always plural ("1.00 dollars"),
    // has "dollars" in both of its forms (quotecast_en.ts).
    const int dollars = int(qMin<qint64>(qAbs(m_priceCents) / 100, INT_MAX));
    if (m_changeCents == 0)
        return tr("%1, %2 dollars, unchanged", nullptr, dollars).arg(m_symbol, price);
    const QString change = money(qAbs(m_changeCents));
    const QString percent = percentText(m_priceCents, m_changeCents);
    return (m_changeCents > 0 ? tr("%1, %2 dollars, up %3, %4 percent", nullptr, dollars)
                              : tr("%1, %2 dollars, down %3, %4 percent", nullptr, dollars))
        .arg(m_symbol, price, change, percent);
}

QString PriceCard::accessibleDetails() const
{
    if (!hasPrice())
        return {};
    // The day's, not today's: a replayed price's day is its own.
    QString day = tr("Open %1, high %2, low %3.")
                      .arg(money(m_trail.openCents()), money(m_trail.highCents()),
                           money(m_trail.lowCents()));
    if (!m_replaying)
        return day;
    return tr("Recorded price of %1.").arg(marketTimeText(m_marketTimeMs)) + u' ' + day;
}

void PriceCard::showTrail()
{
    m_sparkline->setPrices(m_trail.pricesCents());
    setToolTip(tr("%1 today: open %2 · high %3 · low %4")
                   .arg(m_symbol, money(m_trail.openCents()), money(m_trail.highCents()),
                        money(m_trail.lowCents())));
}

void PriceCard::applyTrendColours()
{
    // Saturated backgrounds with white text stay readable in light and dark themes. Only
    // these two roles are set, so a flat card (empty palette) follows the system's.
    QPalette pal;
    if (m_trend != Trend::Flat) {
        pal.setColor(QPalette::Window,
                     m_trend == Trend::Up ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xc6, 0x28, 0x28));
        pal.setColor(QPalette::WindowText, Qt::white);
    }
    setPalette(pal);
}

} // namespace quotecast
