// rendericon: the app's SVG icon as a PNG of the sizes phones ask for, at build time, so the
// web app manifest's icons always match packaging/io.github.quotecast.Quotecast.svg.
//
//   rendericon <in.svg> <out.png> <size> [--full-bleed <#colour>]
//
// Plain: the SVG fills the square (its own margin and rounded corners stay transparent).
// --full-bleed: an opaque square of that colour with the SVG at 80 % in its middle, so that
// everything drawn lies inside the safe zone of a maskable icon (a centred circle of 80 %
// of the size) and iOS, which fills transparency with black, gets no black corners.
#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv); // painting on a QImage needs no display
    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);

    QColor background;
    const qsizetype bleed = args.indexOf(QStringLiteral("--full-bleed"));
    if (bleed >= 0 && bleed + 1 < args.size()) {
        background = QColor::fromString(args.at(bleed + 1));
        args.remove(bleed, 2);
    }
    bool sizeOk = false;
    const int size = args.size() == 3 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size <= 0 || (bleed >= 0 && !background.isValid())) {
        err << "usage: rendericon <in.svg> <out.png> <size> [--full-bleed <#colour>]\n";
        return 2;
    }

    QSvgRenderer svg(args.at(0));
    if (!svg.isValid()) {
        err << "rendericon: cannot read " << args.at(0) << '\n';
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(background.isValid() ? background : QColor(Qt::transparent));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double inset = background.isValid() ? size * 0.1 : 0;
    svg.render(&painter, QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
    painter.end();
    if (background.isValid())
        image = image.convertToFormat(QImage::Format_RGB32); // opaque: a PNG without alpha
    if (!image.save(args.at(1), "PNG")) {
        err << "rendericon: cannot write " << args.at(1) << '\n';
        return 1;
    }
    return 0;
}
