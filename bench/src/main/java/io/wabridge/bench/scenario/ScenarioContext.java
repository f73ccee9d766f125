package io.wabridge.bench.scenario;

import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSpec;
import io.wabridge.bench.process.ProcessStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scenario's run: its profile and rule, its folder, and the child processes it started, which
 * {@link #stopAll()} stops in reverse order (load generator first, broker last).
 *
 * @see Systems for starting the usual ones
 */
public final class ScenarioContext implements AutoCloseable {

    private final Profile profile;
    private final Sustainability rule;
    private final Path dir;
    private final List<ChildProcess> children = new ArrayList<>();
    private final List<ProcessStats> stopped = new ArrayList<>();

    private final boolean flightRecording;
    /** Appended to every child's name: a second pass of a scenario keeps its processes apart from the first's. */
    private final String nameSuffix;

    /** @param flightRecording record a JFR profile of every child (see {@link ChildProcess#start}) */
    public ScenarioContext(Profile profile, Sustainability rule, Path dir, boolean flightRecording) {
        this(profile, rule, dir, flightRecording, "");
    }

    private ScenarioContext(Profile profile, Sustainability rule, Path dir, boolean flightRecording, String nameSuffix) {
        this.profile = profile;
        this.rule = rule;
        this.dir = dir;
        this.flightRecording = flightRecording;
        this.nameSuffix = nameSuffix;
    }

    /**
     * A second pass of the same scenario, in the sub-folder {@code folder} (its own broker data, logs
     * and stats), every child named with {@code nameSuffix} ({@code processor-js}), so both passes'
     * processes and CPU figures stand side by side in one result. Stop it before the next pass.
     */
    public ScenarioContext pass(String folder, String nameSuffix) {
        return new ScenarioContext(profile, rule, dir.resolve(folder), flightRecording, this.nameSuffix + nameSuffix);
    }

    public Profile profile() {
        return profile;
    }

    public Sustainability rule() {
        return rule;
    }

    public Path dir() {
        return dir;
    }

    /** What a child started as {@code role} is called in this pass: {@code processor}, or {@code processor-js} in a second pass. */
    public String nameOf(String role) {
        return role + nameSuffix;
    }

    public ChildProcess start(ChildSpec spec) throws IOException {
        ChildSpec named = nameSuffix.isEmpty() ? spec
                : new ChildSpec(nameOf(spec.name()), spec.mainClass(), spec.maxHeap(), spec.args(), spec.protocol());
        ChildProcess child = ChildProcess.start(named, dir, flightRecording);
        children.add(child);
        return child;
    }

    /** Stops every child still running; returns all their stats, in start order. */
    public List<ProcessStats> stopAll() throws InterruptedException {
        List<ChildProcess> reversed = new ArrayList<>(children);
        Collections.reverse(reversed);
        List<ProcessStats> stats = new ArrayList<>();
        for (ChildProcess child : reversed) {
            stats.add(0, child.stop());
        }
        children.clear();
        stopped.addAll(stats);
        return List.copyOf(stopped);
    }

    /** The running children, in start order. */
    public List<ChildProcess> running() {
        return List.copyOf(children);
    }

    /** Names of children that died on their own while the scenario ran. */
    public List<String> deadChildren() {
        return children.stream().filter(child -> !child.isAlive()).map(ChildProcess::name).toList();
    }

    /** Stops what is still running (after a failure); the stats are kept for {@link #stopAll()}. */
    @Override
    public void close() {
        try {
            stopAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
