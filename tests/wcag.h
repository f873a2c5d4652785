#pragma once

#include <QColor>

#include <cmath>

// WCAG 2's relative luminance and contrast ratio, for the tests that check that the green
// and red cards stay readable: the window's palette and the page's CSS.
namespace Wcag {

inline double luminance(const QColor &colour)
{
    const auto channel
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

// From 1 (none) to 21 (black on white); WCAG AA asks 4.5 of text.
inline double contrast(double luminanceA, double luminanceB)
{
    return (qMax(luminanceA, luminanceB) + 0.05) / (qMin(luminanceA, luminanceB) + 0.05);
}

inline double contrast(const QColor &a, const QColor &b)
{
    return contrast(luminance(a), luminance(b));
}

} // namespace Wcag
