package orc.harness;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stdio protocol (schema/protocol/) for Java harnesses: says hello, reads one request a line, calls the
 * handlers a harness gives and writes one reply a line. A harness supplies only the calls into its SDK.
 * Nothing escapes a request: a {@link Refusal} is the SDK's documented refusal, any other throwable (an
 * unchecked exception, a StackOverflowError) an "exception" reply, so the runner can tell the two apart.
 */
public final class Harness {
  private Harness() {}

  public interface Parse {
    /** The parsed object rendered in wire shape: maps, lists, strings, Long, Double, BigDecimal, Boolean, null. */
    Object parse(String model, byte[] payload) throws Exception;
  }

  public interface Serialize {
    /** The bytes the SDK's serializer writes for the native object built from the value. */
    byte[] serialize(String model, JsonNode value) throws Exception;
  }

  public interface Reserialize {
    byte[] reserialize(String model, byte[] payload) throws Exception;
  }

  /** What the union made of one event's data: its value in wire shape and the member it is. */
  public record Made(Object value, String as) {}

  public interface Union {
    /** One event's data through the SDK's stream-event union, whatever its type. */
    Made union(byte[] payload) throws Exception;
  }

  /** The SDK calls behind each operation; a null one is not declared. */
  public static final class Handlers {
    public Parse parse;
    public Serialize serialize;
    public Reserialize reserialize;
    /** Declared with the models, which are then the event types the union models. */
    public Union union;
  }

  // Requests are read losslessly: a fraction as its exact decimal, an integer with all its digits, and no
  // size limit of Jackson's own (a payload of 10 MB is a base64 string of 13 MB).
  private static final JsonMapper IO =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // a lone surrogate an SDK kept is written as its escape, not refused
          .build();

  static {
    IO.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build());
  }

  /** Says hello, then answers requests until stdin closes. */
  public static void serve(String name, String version, List<String> models, Handlers h) throws IOException {
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    Map<String, Object> ops = new LinkedHashMap<>();
    if (h.parse != null) ops.put("parse", models);
    if (h.serialize != null) ops.put("serialize", models);
    if (h.reserialize != null) ops.put("reserialize", models);
    if (h.union != null) ops.put("union", models);
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("type", "hello");
    hello.put("protocol", 1);
    hello.put("implementation", Map.of("name", name, "language", "Java", "version", version));
    hello.put("operations", ops);
    writeLine(out, hello);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 20);
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      JsonNode req;
      try {
        req = IO.readTree(line);
      } catch (IOException e) {
        System.err.println("bad request line: " + e.getMessage());
        continue;
      }
      Map<String, Object> reply = handle(models, h, req);
      try {
        writeLine(out, reply);
      } catch (IOException e) {
        Map<String, Object> fallback = new LinkedHashMap<>();
        fallback.put("id", req.path("id").numberValue());
        fallback.put("ok", false);
        fallback.put("error", Map.of("kind", "exception", "message", "the harness could not write the SDK's answer: " + e.getMessage()));
        writeLine(out, fallback);
      }
    }
  }

  private static void writeLine(BufferedWriter out, Object message) throws IOException {
    String text = IO.writeValueAsString(message); // whole before a byte goes out: a failed write leaves no half line
    out.write(text);
    out.write('\n');
    out.flush();
  }

  static Map<String, Object> handle(List<String> models, Handlers h, JsonNode req) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", req.path("id").numberValue());
    String op = req.path("op").asText();
    // a harness that declared event types answers by the request's event; one that declared titles by its model
    String event = req.path("event").asText(null);
    String model = event != null && models.contains(event) ? event : req.path("model").asText();
    try {
      if (op.equals("union")) {
        if (h.union == null) throw new Refusal("unsupported", "union is not supported");
        Made made = h.union.union(payload(req));
        reply.put("ok", true);
        reply.put("value", made.value());
        reply.put("as", made.as());
        return reply;
      }
      boolean known = models.contains(model);
      Object declared = switch (op) {
        case "parse" -> h.parse;
        case "serialize" -> h.serialize;
        case "reserialize" -> h.reserialize;
        default -> null;
      };
      if (declared == null || !known) throw new Refusal("unsupported", op + " is not supported for " + model);
      Object value = null;
      String bytes = null;
      switch (op) {
        case "parse" -> value = h.parse.parse(model, payload(req));
        case "serialize" -> bytes = Base64.getEncoder().encodeToString(h.serialize.serialize(model, req.get("value")));
        default -> bytes = Base64.getEncoder().encodeToString(h.reserialize.reserialize(model, payload(req)));
      }
      reply.put("ok", true);
      if (op.equals("parse")) reply.put("value", value);
      else reply.put("bytes", bytes);
    } catch (Refusal r) {
      reply.put("ok", false);
      reply.put("error", Map.of("kind", r.kind, "message", oneLine(r.getMessage())));
    } catch (Throwable thrown) { // the SDK threw what it does not document: a defect, reported as such
      Throwable t = thrown instanceof InvocationTargetException && thrown.getCause() != null ? thrown.getCause() : thrown; // the SDK's, not reflection's
      t.printStackTrace(System.err);
      reply.put("ok", false);
      reply.put("error", Map.of("kind", "exception", "message", oneLine(t.getClass().getName() + ": " + t.getMessage())));
    }
    return reply;
  }

  private static byte[] payload(JsonNode req) throws Refusal {
    try {
      return Base64.getDecoder().decode(req.path("payload").asText());
    } catch (IllegalArgumentException e) {
      throw new Refusal("exception", "bad base64 from the runner: " + e.getMessage());
    }
  }

  /** Jackson's messages quote the whole input and say where; the first lines say what went wrong. */
  static String oneLine(String message) {
    String text = String.valueOf(message).replaceAll("\\s+", " ").trim();
    return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
  }
}
