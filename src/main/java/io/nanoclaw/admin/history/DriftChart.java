package io.nanoclaw.admin.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drift over time as a small SVG drawn on the server (no script, nothing from a CDN): one chart of groups by status and
 * one of findings by severity, a line per series, time along the bottom.
 */
final class DriftChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 150;
    private static final int PAD_LEFT = 36;
    private static final int PAD_BOTTOM = 18;
    private static final int PAD_TOP = 18;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private DriftChart() {
    }

    static String svg(List<DriftPoint> points) {
        StringBuilder svg = new StringBuilder();
        int total = HEIGHT * 2 + 20;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(total)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(total)
                .append("\" role=\"img\" aria-label=\"Drift over time\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        chart(svg, points, 0, "Groups by status", DriftPoint::groups,
                Map.of("ALIGNED", "#2e7d32", "DRIFTED", "#ef6c00", "BROKEN", "#c62828"));
        chart(svg, points, HEIGHT + 20, "Findings by severity", DriftPoint::findings,
                Map.of("ERROR", "#c62828", "WARNING", "#ef6c00", "INFO", "#1565c0"));
        return svg.append("</svg>").toString();
    }

    private static void chart(StringBuilder svg, List<DriftPoint> points, int top, String title,
            Function<DriftPoint, Map<String, Integer>> series, Map<String, String> colours) {
        svg.append("<text x=\"").append(PAD_LEFT).append("\" y=\"").append(top + 12).append("\" font-weight=\"bold\">")
                .append(title).append("</text>");
        int plotTop = top + PAD_TOP;
        int plotBottom = top + HEIGHT - PAD_BOTTOM;
        svg.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(plotBottom).append("\" x2=\"")
                .append(WIDTH - 4).append("\" y2=\"").append(plotBottom).append("\" stroke=\"#999\"/>");
        if (points.isEmpty()) {
            svg.append("<text x=\"").append(PAD_LEFT + 8).append("\" y=\"").append((plotTop + plotBottom) / 2)
                    .append("\" fill=\"#777\">No history yet: a point is kept at every scan.</text>");
            return;
        }
        int max = 1;
        for (DriftPoint point : points) {
            for (int value : series.apply(point).values()) {
                max = Math.max(max, value);
            }
        }
        long first = points.get(0).at().toEpochMilli();
        long last = points.get(points.size() - 1).at().toEpochMilli();
        long span = Math.max(1, last - first);
        svg.append("<text x=\"").append(PAD_LEFT - 4).append("\" y=\"").append(plotTop + 4)
                .append("\" text-anchor=\"end\">").append(max).append("</text>");
        svg.append("<text x=\"").append(PAD_LEFT - 4).append("\" y=\"").append(plotBottom)
                .append("\" text-anchor=\"end\">0</text>");
        int legend = WIDTH - 4;
        for (String name : series.apply(points.get(0)).keySet()) {
            StringBuilder line = new StringBuilder();
            for (DriftPoint point : points) {
                double x = PAD_LEFT + (points.size() == 1 ? 0.5 : (point.at().toEpochMilli() - first) / (double) span)
                        * (WIDTH - 4 - PAD_LEFT);
                double y = plotBottom - series.apply(point).getOrDefault(name, 0) / (double) max * (plotBottom - plotTop);
                line.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String colour = colours.getOrDefault(name, "#333");
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(line.toString().strip()).append("\"><title>").append(name).append("</title></polyline>");
            int latest = series.apply(points.get(points.size() - 1)).getOrDefault(name, 0);
            String label = name + " " + latest;
            legend -= label.length() * 7 + 12;
            svg.append("<text x=\"").append(legend).append("\" y=\"").append(top + 12).append("\" fill=\"")
                    .append(colour).append("\">").append(label).append("</text>");
        }
        svg.append("<text x=\"").append(PAD_LEFT).append("\" y=\"").append(top + HEIGHT - 4).append("\" fill=\"#777\">")
                .append(TIME.format(Instant.ofEpochMilli(first))).append(" UTC</text>");
        svg.append("<text x=\"").append(WIDTH - 4).append("\" y=\"").append(top + HEIGHT - 4)
                .append("\" text-anchor=\"end\" fill=\"#777\">").append(TIME.format(Instant.ofEpochMilli(last)))
                .append(" UTC</text>");
    }
}
