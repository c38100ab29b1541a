package orc.harness;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Stainless-generated Java SDK (openai-java and its kind), served over the protocol. What one SDK gives is
 * {@link Sdk}; the rest is the same for all of them, and lives here:
 *
 * <ul>
 *   <li>parse: the payload as the stream's reader hands it on (UTF-8 text), the SDK's mapper reads it into a tree
 *       and then into the event union, as its stream handler does; the union's member is read through its
 *       accessors ({@code itemId()}, {@code outputIndex()}…), which throw the SDK's invalid-data exception for a
 *       field that is missing or of another type, as they do for a program;
 *   <li>serialize: the event's builder, its typed setters ({@code itemId(String)}, {@code outputIndex(long)}),
 *       {@code build()}, then the SDK's mapper;
 *   <li>reserialize: parse into the union, then the SDK's mapper writes whatever the union holds.
 * </ul>
 */
public final class Stainless {
  private Stainless() {}

  /** What one SDK gives a harness. */
  public static final class Sdk {
    /** The name and version reported in the hello. */
    public String name, version;
    /** The mapper the SDK reads and writes every event with. */
    public ObjectMapper mapper;
    /** The event union the SDK's stream hands every event as. */
    public Class<?> union;
    /** The union's member class for each model of the protocol, in the order they are declared. */
    public Map<String, Class<?>> models = new LinkedHashMap<>();
    /** The exception the SDK documents for data it cannot read (its accessors throw it). */
    public Class<? extends Exception> invalidData;
  }

  public static void serve(Sdk sdk) throws IOException {
    Harness.Handlers h = new Harness.Handlers();
    h.parse = (model, payload) -> render(sdk, member(sdk, model, readUnion(sdk, payload)));
    h.serialize = (model, value) -> write(sdk, build(sdk, sdk.models.get(model), value));
    h.reserialize = (model, payload) -> write(sdk, readUnion(sdk, payload));
    warmUp(sdk);
    Harness.serve(sdk.name, sdk.version, new ArrayList<>(sdk.models.keySet()), h);
  }

  /**
   * Jackson builds each class's reader on first use, through kotlin-reflect: seconds on a busy machine. Done
   * before the hello (which the runner waits a minute for), so no request waits for it past its own timeout.
   */
  private static void warmUp(Sdk sdk) {
    try {
      sdk.mapper.readerFor(sdk.union).readValue(sdk.mapper.readTree("{}"));
    } catch (Exception e) {
      // as below
    }
    for (Class<?> c : sdk.models.values()) {
      try {
        sdk.mapper.writeValueAsBytes(sdk.mapper.readValue("{}", c));
        fields(c);
      } catch (Exception e) {
        // only a warm-up: what it finds is found again, and answered, by the request that meets it
      }
    }
  }

  /**
   * The stream's two calls on an event's data: {@code mapper.readTree(data)}, then {@code
   * mapper.readerFor(union).readValue(tree)}. The data is the text the stream's reader decoded (an
   * InputStreamReader over UTF-8, which reads a malformed byte as U+FFFD), so it is decoded the same way here.
   */
  static Object readUnion(Sdk sdk, byte[] payload) throws Exception {
    StringBuilder text = new StringBuilder(payload.length);
    try (Reader r = new InputStreamReader(new ByteArrayInputStream(payload), StandardCharsets.UTF_8)) {
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) text.append(buf, 0, n);
    }
    try {
      JsonNode tree = sdk.mapper.readTree(text.toString());
      return sdk.mapper.readerFor(sdk.union).readValue(tree);
    } catch (JsonProcessingException e) { // the stream wraps it in its invalid-data exception: a refusal
      throw Refusal.parse(e.getClass().getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  /**
   * The union's member when it is the model's class. An event the union typed as another member, or held only
   * as its raw JSON (its fallback for an event whose member it could not read), is a refusal of the model; what
   * it handed on untyped (null for the data {@code null}) is answered as it came.
   */
  static Object member(Sdk sdk, String model, Object event) throws Exception {
    if (event == null || !sdk.union.isInstance(event)) return Untyped.of(event);
    Class<?> want = sdk.models.get(model);
    for (Method is : sdk.union.getMethods()) {
      if (!is.getName().startsWith("is") || is.getName().equals("isValid") || is.getParameterCount() != 0 || is.getReturnType() != boolean.class) continue;
      if (!(Boolean) is.invoke(event)) continue;
      Object m = sdk.union.getMethod("as" + is.getName().substring(2)).invoke(event);
      if (want.isInstance(m)) return m;
      throw Refusal.parse("the union typed it as " + m.getClass().getSimpleName() + ", not " + want.getSimpleName());
    }
    throw Refusal.parse("the union typed it as no member: it kept the event as raw JSON (its fallback for an event it could not read as " + want.getSimpleName() + ")");
  }

  /** What the union handed on without typing it, answered as it came. */
  record Untyped(Object value) {
    static Untyped of(Object v) {
      return new Untyped(v);
    }
  }

  /** The member's fields through its accessors, in wire shape: what a Java program reads. */
  static Object render(Sdk sdk, Object member) throws Exception {
    if (member instanceof Untyped u) return u.value == null ? null : sdk.mapper.convertValue(u.value, Object.class);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields(member.getClass())) {
      Object v;
      try {
        v = (f.accessor != null ? f.accessor : f.raw).invoke(member);
      } catch (InvocationTargetException e) {
        if (sdk.invalidData.isInstance(e.getCause())) throw Refusal.parse(e.getCause().getMessage());
        throw e;
      }
      if (v instanceof Optional<?> o) {
        if (o.isEmpty()) continue; // an optional field the payload did not set (or set to null)
        v = o.get();
      }
      out.put(f.wire, plain(sdk, v));
    }
    return out;
  }

  private static Object plain(Sdk sdk, Object v) throws Exception {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof BigDecimal) return v;
    if (v instanceof Double d) return Double.isFinite(d) ? d : d.toString(); // JSON has no Infinity: shown by name
    // a JsonValue (the event's type) or an SDK enum: its text when it has one, else what the value holds
    try {
      Object s = v.getClass().getMethod("asString").invoke(v);
      if (s instanceof String str) return str;
      if (s instanceof Optional<?> o && o.isPresent()) return o.get();
    } catch (NoSuchMethodException e) {
      // not text
    }
    return sdk.mapper.convertValue(v, Object.class);
  }

  /** A field the event models: its wire name, its typed accessor (null for the type, a raw JsonValue) and its raw one. */
  record Field(String wire, String name, Method accessor, Method raw) {}

  static List<Field> fields(Class<?> event) {
    List<Field> out = new ArrayList<>();
    for (Method raw : event.getMethods()) {
      JsonProperty p = raw.getAnnotation(JsonProperty.class);
      if (p == null || !raw.getName().startsWith("_") || raw.getParameterCount() != 0 || Modifier.isStatic(raw.getModifiers())) continue;
      String name = raw.getName().substring(1);
      Method accessor;
      try {
        accessor = event.getMethod(name);
      } catch (NoSuchMethodException e) {
        accessor = null;
      }
      out.add(new Field(p.value(), name, accessor, raw));
    }
    out.sort((a, b) -> a.wire.compareTo(b.wire));
    return out;
  }

  /**
   * The event built as a program builds it: {@code Event.builder()}, one typed setter per field the value has
   * (the type through its JsonValue setter), {@code build()}. A number the setter's type cannot hold is
   * unrepresentable: a program cannot pass it, and the serializer never sees it.
   */
  static Object build(Sdk sdk, Class<?> event, JsonNode value) throws Exception {
    Object builder = event.getMethod("builder").invoke(null);
    for (Field f : fields(event)) {
      JsonNode x = value.get(f.wire);
      if (x == null) continue;
      if (f.accessor == null) {
        Class<?> jsonValue = f.raw.getReturnType();
        Object v = jsonValue.getMethod("from", Object.class).invoke(null, sdk.mapper.convertValue(x, Object.class));
        builder.getClass().getMethod(f.name, jsonValue).invoke(builder, v);
        continue;
      }
      Type t = f.accessor.getGenericReturnType();
      if (t instanceof ParameterizedType pt && pt.getRawType() == Optional.class) t = pt.getActualTypeArguments()[0];
      Class<?> c = t instanceof Class<?> k ? k : (Class<?>) ((ParameterizedType) t).getRawType();
      // the setter takes what the accessor gives: a Kotlin Long is a Java long, an Optional<Long> a Long
      Class<?> param = c;
      Object v = Values.as(f.wire, x, c == long.class ? Long.class : c == double.class ? Double.class : c == boolean.class ? Boolean.class : c);
      try {
        builder.getClass().getMethod(f.name, param).invoke(builder, v);
      } catch (InvocationTargetException e) {
        throw Refusal.serialize(String.valueOf(e.getCause()));
      }
    }
    try {
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalStateException s) throw Refusal.serialize(s.getMessage()); // a required field not set
      throw e;
    }
  }

  static byte[] write(Sdk sdk, Object value) throws Exception {
    try {
      return sdk.mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw Refusal.serialize(e.getClass().getSimpleName() + ": " + e.getOriginalMessage());
    }
  }
}
