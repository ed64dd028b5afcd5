package org.sdcap.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An endless, time-ordered stream of realistic LLM API requests, the same for the same seed and
 * configuration on every machine and JVM.
 *
 * <p>At most {@link GeneratorConfig#maxActiveSessions()} conversations run at once, plus up to a
 * quarter as many sub-agents. Each keeps only its own history, and a new conversation starts when
 * one ends, so memory does not grow with the number of requests taken. The server's response to a
 * request (429, 500 and a retry of the same body, 400, 413) is decided here, after the session made
 * the request. Not thread-safe.
 */
public final class TrafficGenerator implements Iterator<GeneratedRequest> {

  /** A body of at least this many bytes shows {@link Trait#HUGE_BODY}. */
  public static final int HUGE_BODY_BYTES = 500_000;

  private static final double MEAN_ARRIVAL_GAP_SECONDS = 2.0;

  private record Event(
      long micros,
      long order,
      Session session,
      GeneratedRequest retry,
      long delayAfterRetry,
      boolean lastAfterRetry) {}

  private final long seed;
  private final GeneratorConfig config;
  private final Rng arrivals;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparingLong(Event::micros).thenComparingLong(Event::order));
  private final List<AgentProfile> agentProfiles = new ArrayList<>();
  private final List<ClaudeProfile> claudeProfiles = new ArrayList<>();
  // Looked up by key only, never iterated, so its order cannot leak into the output.
  private final Map<Long, Object> pooled = new HashMap<>();
  private final int maxSubAgents;
  private final int[] kindStarts = new int[7];
  private int nextKind;
  private long eventOrder;
  private long sessionCount;
  private int activeSessions;
  private int activeSubAgents;
  private long now;
  private long nextArrival;

  public TrafficGenerator(long seed, GeneratorConfig config) {
    this.seed = seed;
    this.config = config;
    this.arrivals = Rng.derive(seed, -1);
    this.maxSubAgents = Math.max(1, config.maxActiveSessions() / 4);
    this.now = config.startEpochMicros();
    this.nextArrival = now;
    for (AgentProfile.Flavor flavor : AgentProfile.Flavor.values()) {
      for (int variant = 0; variant < 2; variant++) {
        Rng rng = Rng.derive(seed, -100 - agentProfiles.size());
        agentProfiles.add(new AgentProfile(rng, flavor, config.sizes()));
      }
    }
    claudeProfiles.add(new ClaudeProfile(Rng.derive(seed, -200), "2.0.14", false, config.sizes()));
    claudeProfiles.add(new ClaudeProfile(Rng.derive(seed, -201), "2.1.19", true, config.sizes()));
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public GeneratedRequest next() {
    startSessions();
    Event event = events.poll();
    now = event.micros();
    Session session = event.session();
    if (event.retry() != null) {
      GeneratedRequest retry = event.retry().retriedAt(now, session.client.nextPort(), "1");
      afterTurn(session, event.delayAfterRetry(), event.lastAfterRetry());
      return retry;
    }
    Session.Turn turn = session.next(now, this::spawn);
    return respond(session, turn);
  }

  /** Returns the requests as a sequential, endless stream; limit it before a terminal operation. */
  public Stream<GeneratedRequest> stream() {
    return Stream.generate(this::next);
  }

  /** Returns how many conversations, sub-agents included, are running or about to start. */
  public int activeSessions() {
    return activeSessions + activeSubAgents;
  }

  /** Returns the most conversations that can be active at once, sub-agents included. */
  public int maxActiveSessions() {
    return config.maxActiveSessions() + maxSubAgents;
  }

  /** Decides the server's response; a failed attempt schedules the retry before the next turn. */
  private GeneratedRequest respond(Session session, Session.Turn turn) {
    GeneratedRequest request = turn.request();
    GeneratorConfig.FeatureRates rates = config.rates();
    Rng rng = session.rng;
    if (request.body().length >= HUGE_BODY_BYTES) {
      request = request.withTrait(Trait.HUGE_BODY);
    }
    if (request.status() != 200 || request.body().length == 0) {
      afterTurn(session, turn.delayMicros(), turn.isLast());
      return request;
    }
    if (request.body().length >= config.sizes().oversizeMinBytes()
        && rng.chance(rates.oversizeRejected())) {
      request = request.withStatus(413, Trait.OVERSIZE_REJECTED);
    } else if (rng.chance(rates.retry())) {
      boolean rateLimited = rng.chance(0.5);
      request =
          request.withStatus(
              rateLimited ? 429 : 500, rateLimited ? Trait.STATUS_429 : Trait.STATUS_500);
      long retryAt = now + session.delay(0.5, 3.0);
      schedule(new Event(retryAt, 0, session, request, turn.delayMicros(), turn.isLast()));
      return request;
    } else if (rng.chance(rates.badRequest())) {
      request = request.withStatus(400, Trait.STATUS_400);
    }
    afterTurn(session, turn.delayMicros(), turn.isLast());
    return request;
  }

  private void afterTurn(Session session, long delayMicros, boolean last) {
    if (!last) {
      schedule(new Event(now + delayMicros, 0, session, null, 0, false));
    } else if (session.label.contains("/")) {
      activeSubAgents--;
    } else {
      activeSessions--;
    }
  }

  private boolean spawn(Session child, long startMicros) {
    if (activeSubAgents >= maxSubAgents) {
      return false;
    }
    activeSubAgents++;
    schedule(new Event(Math.max(startMicros, now), 0, child, null, 0, false));
    return true;
  }

  private void startSessions() {
    while (activeSessions < config.maxActiveSessions()) {
      nextArrival =
          Math.max(nextArrival, now)
              + Session.micros(arrivals.exponential(MEAN_ARRIVAL_GAP_SECONDS));
      schedule(new Event(nextArrival, 0, newSession(), null, 0, false));
      activeSessions++;
    }
  }

  private void schedule(Event event) {
    events.add(
        new Event(
            event.micros(),
            eventOrder++,
            event.session(),
            event.retry(),
            event.delayAfterRetry(),
            event.lastAfterRetry()));
  }

  private Session newSession() {
    sessionCount++;
    String label = "s" + sessionCount;
    Rng rng = Rng.derive(seed, sessionCount);
    GeneratorConfig.FeatureRates rates = config.rates();
    int[] weights = config.mix().weights();
    int kind = config.mix().rotate() ? nextKindInTurn(weights) : rng.weighted(weights);
    // A variant number of -1 leaves the variant to chance.
    int variant = config.mix().rotate() ? kindStarts[kind]++ : -1;
    return switch (kind) {
      case 0 -> {
        AgentProfile.Flavor flavor = agentFlavor(rng, variant);
        AgentProfile profile = agentProfiles.get(flavor.ordinal() * 2 + rng.nextInt(2));
        Client client = pooled(1 + flavor.ordinal(), 8, rng, r -> agentClient(flavor, r));
        yield new AgentSession(label, rng, client, config, profile);
      }
      case 1 -> {
        int version = variant >= 0 ? variant % 2 : rng.chance(rates.userIdJson()) ? 1 : 0;
        ClaudeProfile profile = claudeProfiles.get(version);
        ClaudeInstall install =
            pooled(10 + version, 8, rng, r -> ClaudeInstall.create(r, profile, proxied(r)));
        boolean header = rng.chance(rates.claudeCodeSessionHeader());
        yield new ClaudeCodeSession(label, rng, config, install, rng.uuid(), header, false);
      }
      case 2 -> new ChatSession(label, rng, config, chatDeployment(rng, variant));
      case 3 -> {
        ScriptSession.Tool[] tools = ScriptSession.Tool.values();
        ScriptSession.Tool tool = variant >= 0 ? tools[variant % tools.length] : rng.pick(tools);
        Client client = pooled(20 + tool.ordinal(), 4, rng, r -> scriptClient(tool, r));
        yield new ScriptSession(label, rng, client, config, tool);
      }
      case 4 -> {
        Client client = pooled(30, 2, rng, r -> Clients.openAiPython(r, proxied(r)));
        yield new EmbeddingSession(label, rng, client, config);
      }
      case 5 -> {
        Client client =
            rng.chance(0.5)
                ? chatDeployment(rng, -1).client()
                : pooled(1, 8, rng, r -> Clients.openAiPython(r, proxied(r)));
        yield new ModelsListSession(label, rng, client, config);
      }
      default -> {
        Client client = pooled(40, 4, rng, r -> Clients.openAiPython(r, proxied(r)));
        yield new DocumentSession(label, rng, client, config);
      }
    };
  }

  private int nextKindInTurn(int[] weights) {
    for (int step = 0; step < weights.length; step++) {
      int kind = nextKind;
      nextKind = (nextKind + 1) % weights.length;
      if (weights[kind] > 0) {
        return kind;
      }
    }
    throw new IllegalStateException("every session kind has weight 0");
  }

  private AgentProfile.Flavor agentFlavor(Rng rng, int variant) {
    AgentProfile.Flavor[] flavors = AgentProfile.Flavor.values();
    if (variant >= 0) {
      return flavors[variant % flavors.length];
    }
    if (rng.chance(config.rates().pythonStyle())) {
      return AgentProfile.Flavor.LITELLM;
    }
    return rng.chance(0.5) ? AgentProfile.Flavor.OPENAI_PYTHON : AgentProfile.Flavor.OPENAI_JS;
  }

  private Client agentClient(AgentProfile.Flavor flavor, Rng rng) {
    return switch (flavor) {
      case OPENAI_PYTHON -> Clients.openAiPython(rng, proxied(rng));
      case LITELLM -> Clients.litellm(rng, proxied(rng));
      case OPENAI_JS -> Clients.openAiJs(rng, proxied(rng));
    };
  }

  private Client scriptClient(ScriptSession.Tool tool, Rng rng) {
    return switch (tool) {
      case CURL -> Clients.curl(rng, proxied(rng));
      case PYTHON_REQUESTS -> Clients.pythonRequests(rng, proxied(rng));
      case POWERSHELL -> Clients.powerShell(rng, proxied(rng));
    };
  }

  /**
   * Picks a front end: Open WebUI (with chat ids) at the configured rate, otherwise another; or the
   * front end {@code variant} names when it is not negative.
   */
  private ChatDeployment chatDeployment(Rng rng, int variant) {
    ChatDeployment.Kind kind;
    if (variant >= 0) {
      kind = ChatDeployment.Kind.values()[variant % ChatDeployment.Kind.values().length];
    } else if (rng.chance(config.rates().chatIdHeader())) {
      kind = ChatDeployment.Kind.OPEN_WEBUI;
    } else {
      kind = rng.chance(0.5) ? ChatDeployment.Kind.NODE_FRONT_END : ChatDeployment.Kind.BROWSER;
    }
    return switch (kind) {
      case OPEN_WEBUI ->
          pooled(50, 2, rng, r -> new ChatDeployment(kind, Clients.openWebUi(r, proxied(r))));
      case NODE_FRONT_END ->
          pooled(52, 1, rng, r -> new ChatDeployment(kind, Clients.openAiJs(r, proxied(r))));
      case BROWSER -> new ChatDeployment(kind, Clients.browser(rng.fork(), proxied(rng)));
    };
  }

  private boolean proxied(Rng rng) {
    return rng.chance(config.rates().proxied());
  }

  /**
   * Returns one of {@code size} shared objects of a kind, creating it on first use from its own
   * random stream, so that which session creates it does not change it.
   */
  @SuppressWarnings("unchecked")
  private <T> T pooled(int kind, int size, Rng picker, Function<Rng, T> factory) {
    long key = kind * 1_000L + picker.nextInt(size);
    return (T) pooled.computeIfAbsent(key, k -> factory.apply(Rng.derive(seed, -1_000_000L - k)));
  }
}
