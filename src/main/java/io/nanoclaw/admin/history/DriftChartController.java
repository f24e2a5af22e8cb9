package io.nanoclaw.admin.history;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's drift-over-time chart (the last 7 days), an SVG image the page shows. */
@Controller
class DriftChartController {

    private final DriftHistory history;

    DriftChartController(DriftHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/drift/history.svg", produces = "image/svg+xml")
    ResponseEntity<String> chart() {
        Instant now = Instant.now();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(DriftChart.svg(history.points(now.minus(Duration.ofDays(7)), now)));
    }
}
