package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.change.StaleEditException;

/** Two operators save the same container.json at once, from the same version: one wins, the other is told. */
class ConcurrentEditsTest extends EditableSampleInstallTest {

    @Autowired
    ConfigEditService configs;

    @RepeatedTest(3)
    void twoWritersAtOnceOneWinsAndTheOtherGetsAStaleVersion() throws Exception {
        String original = read("groups/family/container.json");
        FileVersion read = FileVersion.of(original.getBytes());
        String[] edits = {original.replace("\"ffmpeg\"", "\"ffmpeg\", \"jq\""),
                original.replace("\"ffmpeg\"", "\"ffmpeg\", \"curl\"")};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String edit : edits) {
                Callable<String> save = () -> {
                    start.await();
                    try {
                        configs.replace(SampleInstall.FAMILY_ID, edit, read, false, "race");
                        return "saved";
                    } catch (StaleEditException e) {
                        return "stale";
                    }
                };
                outcomes.add(threads.submit(save));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).containsExactlyInAnyOrder("saved", "stale");
            String onDisk = read("groups/family/container.json");
            assertThat(onDisk.contains("\"jq\"") ^ onDisk.contains("\"curl\"")).as("exactly one edit is on disk").isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
