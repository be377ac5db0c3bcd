// SPDX-License-Identifier: MIT
#include "report/html_escape.hpp"

#include <gtest/gtest.h>

namespace carepath::report {
namespace {

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escape_html(R"(<b>"beds" & 'chairs'</b>)"),
            "&lt;b&gt;&quot;beds&quot; &amp; &#39;chairs&#39;&lt;/b&gt;");
}

TEST(HtmlEscape, LeavesOtherTextAndUtf8Alone) {
  EXPECT_EQ(escape_html("P1\u2013P3 caf\u00e9 50%"), "P1\u2013P3 caf\u00e9 50%");
  EXPECT_EQ(escape_html(""), "");
}

TEST(HtmlEscape, EscapesAnAmpersandOnlyOnce) {
  EXPECT_EQ(escape_html("&amp;"), "&amp;amp;");
}

}  // namespace
}  // namespace carepath::report
