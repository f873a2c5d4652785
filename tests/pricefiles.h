#pragma once

#include <QByteArray>

// Price files as people download them, for the tests that replay them through the real binary
// or the window: AAPL's daily closes from Yahoo Finance (a Close of 6 decimals, as Yahoo writes)
// and MSFT's from Stooq, with dates that interleave (MSFT has no 2024-01-04, AAPL no 01-05).
namespace pricefiles {

inline const QByteArray YahooAapl = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                                    "2024-01-02,187.15,188.44,183.89,185.639999,184.94,82488700\n"
                                    "2024-01-03,184.22,185.88,183.43,184.25,183.55,58414500\n"
                                    "2024-01-04,182.15,183.09,180.88,181.91,181.22,71983600\n";
inline const QByteArray StooqMsft = "Date,Open,High,Low,Close,Volume\n"
                                    "2024-01-02,370.87,376.0,366.5,370.87,25258600\n"
                                    "2024-01-03,369.01,373.26,368.51,370.6,23083500\n"
                                    "2024-01-05,368.0,372.06,366.5,367.75,20987000\n";

} // namespace pricefiles
