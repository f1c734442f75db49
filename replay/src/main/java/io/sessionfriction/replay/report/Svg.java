package io.sessionfriction.replay.report;

import java.util.Locale;

/** The few SVG and HTML pieces the charts are drawn with; numbers printed the same on every machine. */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">"
                        + "<title>%s</title>\n", width, height, width, height, escape(title)));
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, Math.max(0, w), Math.max(0, h), fill));
        out.append("<title>").append(escape(tooltip)).append("</title></rect>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>\n", x1, y1, x2, y2, stroke));
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>\n",
                x, y, anchor, cssClass, escape(text)));
        return this;
    }

    String end() {
        return out.append("</svg>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** {@code 4.6 min}, {@code 3.1 h}, {@code 2.0 d}: the unit a person would pick. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86400);
    }

    static String clip(String text, int chars) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= chars ? flat : flat.substring(0, chars - 1) + "…";
    }
}
