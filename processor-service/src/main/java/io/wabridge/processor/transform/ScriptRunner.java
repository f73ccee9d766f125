package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.settings.TransformerSettings;
import io.wabridge.model.settings.TransformerSettings.Hook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * An endpoint's JavaScript transformer on GraalJS. One {@link Engine} per endpoint holds the
 * parsed script; contexts (each the prelude plus the script, evaluated once) are pooled and
 * borrowed by one turn thread at a time, so a call costs the hook itself, not a parse.
 *
 * <p>The sandbox ({@link SandboxPolicy#CONSTRAINED}, checked by GraalVM when the context is
 * built): no host access or class lookup, no file system or other IO, no processes, threads,
 * native access, environment or other languages; a statement limit per call
 * ({@link ResourceLimits}, reset before each call) and a time limit: a watchdog closes the context
 * of a call that overruns ({@code Context.close(true)} cancels it on the turn's thread), and the
 * broken context is discarded. What the script can call is only what the prelude gives it.
 */
final class ScriptRunner implements HookRunner {

    private static final Source PRELUDE = prelude();
    /**
     * Contexts kept ready per endpoint. More can run at once (one per busy turn thread); those beyond
     * this are closed after their call, so a burst does not leave hundreds of contexts in memory.
     */
    static final int MAX_IDLE_CONTEXTS = 16;
    /** No host member, no mapping of guest objects to mutable host types: the only way out is the prelude's functions. */
    private static final HostAccess NO_HOST_ACCESS = HostAccess.newBuilder().allowMutableTargetMappings().build();

    private final String endpointId;
    private final TransformerSettings settings;
    private final HostFunctions host;
    private final ScheduledExecutorService watchdog;
    private final Engine engine;
    private final Source script;
    private final Set<Hook> defined;
    private final ConcurrentLinkedDeque<ScriptContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    private ScriptRunner(String endpointId, TransformerSettings settings, HostFunctions host, ScheduledExecutorService watchdog,
                         Source script) {
        this.endpointId = endpointId;
        this.settings = settings;
        this.host = host;
        this.watchdog = watchdog;
        this.script = script;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                // A stock JDK has no Graal compiler: scripts are interpreted. Fine for short hooks; see docs/transformers.md.
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        ScriptContext first = newContext();
        EnumSet<Hook> hooks = EnumSet.noneOf(Hook.class);
        for (Hook hook : Hook.values()) {
            if (first.api.invokeMember("defines", hook.function()).asBoolean()) {
                hooks.add(hook);
            }
        }
        this.defined = Set.copyOf(hooks);
        release(first);
    }

    /**
     * Reads and evaluates the endpoint's script once, so a script that does not compile (or throws
     * while loading) stops start-up with a message naming the endpoint, the file and the line.
     */
    static ScriptRunner load(String endpointId, TransformerSettings settings, HostFunctions host, ScheduledExecutorService watchdog) {
        String property = "wabridge.endpoints." + endpointId + ".transformers.script";
        Path path = Path.of(settings.script());
        Source source;
        try {
            source = Source.newBuilder("js", Files.readString(path), path.getFileName().toString()).build();
        } catch (IOException e) {
            throw new IllegalStateException(property + ": cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return new ScriptRunner(endpointId, settings, host, watchdog, source);
        } catch (PolyglotException e) {
            String line = e.getSourceLocation() == null ? "" : " at line " + e.getSourceLocation().getStartLine();
            throw new IllegalStateException(property + ": " + path + (e.isSyntaxError() ? " does not compile" : " fails to load")
                    + line + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean defines(Hook hook) {
        return defined.contains(hook);
    }

    @Override
    public HookResult run(Hook hook, ObjectNode argument, JsonNode storage, CallScope scope) {
        ScriptContext context = idle.poll();
        if (context == null) {
            context = newContext();
        } else {
            idleCount.decrementAndGet();
        }
        context.scope = scope;
        boolean reusable = false;
        ScriptContext running = context;
        ScheduledFuture<?> kill = watchdog.schedule(() -> running.context.close(true), settings.timeout().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            context.context.resetLimits();
            context.api.invokeMember("start", hook.function(), argument.toString(), storage == null ? null : storage.toString());
            String outcome = context.api.invokeMember("result").asString();
            // A watchdog that already fired (or is firing) has closed, or is closing, this context.
            reusable = kill.cancel(false);
            return parse(outcome);
        } catch (PolyglotException e) {
            kill.cancel(false);
            // A statement limit exceeded also cancels the context: ask for it first.
            if (e.isResourceExhausted()) {
                throw new TransformerException("statement-limit", hook.function() + " executed more than "
                        + settings.statementLimit() + " statements");
            }
            if (e.isCancelled()) {
                throw new TransformerException("timeout", hook.function() + " ran longer than " + settings.timeout());
            }
            reusable = !e.isInternalError();
            throw new TransformerException("script-error", hook.function() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // The context was closed by the watchdog between two calls into it.
            kill.cancel(false);
            throw new TransformerException("timeout", hook.function() + " ran longer than " + settings.timeout(), e);
        } finally {
            context.scope = null;
            if (reusable) {
                release(context);
            } else {
                closeQuietly(context);
            }
        }
    }

    private void release(ScriptContext context) {
        if (idleCount.incrementAndGet() <= MAX_IDLE_CONTEXTS) {
            idle.push(context);
        } else {
            idleCount.decrementAndGet();
            closeQuietly(context);
        }
    }

    private static HookResult parse(String outcome) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(outcome);
        } catch (IOException e) {
            throw new TransformerException("invalid-result", "the return value is not JSON", e);
        }
        JsonNode storage = json.get("storage");
        return switch (json.path("kind").asText()) {
            case "undefined" -> new HookResult(HookResult.Kind.UNDEFINED, null, storage);
            case "falsy" -> new HookResult(HookResult.Kind.FALSY, null, storage);
            case "value" -> new HookResult(HookResult.Kind.VALUE, json.get("value"), storage);
            default -> throw new TransformerException("script-error", json.path("message").asText("the hook failed"));
        };
    }

    private ScriptContext newContext() {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .allowHostAccess(NO_HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(settings.statementLimit(), null).build())
                .build();
        try {
            ScriptContext holder = new ScriptContext(context);
            holder.api = context.eval(PRELUDE).execute(hostObject(holder));
            context.eval(script);
            return holder;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** The host functions, bound to whichever call is running in the context. */
    private ProxyObject hostObject(ScriptContext holder) {
        return ProxyObject.fromMap(Map.of(
                "log", (ProxyExecutable) args -> {
                    host.log(holder.scope(), args[0].asString(), args[1].asString());
                    return null;
                },
                "http", (ProxyExecutable) args -> host.http(holder.scope(), args[0].asString()),
                "uuid", (ProxyExecutable) args -> host.uuid(),
                "hash", (ProxyExecutable) args -> host.hash(args[0].asString(), args[1].asString(), args[2].asString()),
                "hmac", (ProxyExecutable) args -> host.hmac(args[0].asString(), args[1].asString(), args[2].asString(),
                        args[3].asString())));
    }

    @Override
    public void close() {
        ScriptContext context;
        while ((context = idle.poll()) != null) {
            idleCount.decrementAndGet();
            closeQuietly(context);
        }
        engine.close(true);
    }

    private static void closeQuietly(ScriptContext context) {
        try {
            context.context.close(true);
        } catch (RuntimeException ignored) {
            // Already closed by the watchdog.
        }
    }

    private static Source prelude() {
        try (InputStream in = ScriptRunner.class.getResourceAsStream("prelude.js")) {
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "prelude.js").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "script transformer of endpoint " + endpointId + " (" + settings.script() + ")";
    }

    /** A context and the prelude's API in it; used by one thread at a time. */
    private static final class ScriptContext {
        final Context context;
        Value api;
        CallScope scope;

        ScriptContext(Context context) {
            this.context = context;
        }

        /** Host functions run only during a call, so there is always one. */
        CallScope scope() {
            return scope;
        }
    }
}
