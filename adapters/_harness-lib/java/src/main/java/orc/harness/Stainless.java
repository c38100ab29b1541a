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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Stainless-generated Java SDK (openai-java and its kind), served over the protocol. What one SDK gives is
 * {@link Sdk}; the rest is the same for all of them, and lives here:
 *
 * <ul>
 *   <li>the event types: the union's members ({@code isX()} / {@code asX()}), each member's type the constant
 *       its builder starts with, walked at start-up: the SDK's own data, so an event it adds costs no code;
 *   <li>parse: the payload as the stream's reader hands it on (UTF-8 text), the SDK's mapper reads it into a tree
 *       and then into the event union, as its stream handler does; the union's member is read deep through its
 *       accessors ({@code itemId()}, {@code response().output()}…), nested unions through their {@code isX()} /
 *       {@code asX()}, which throw the SDK's invalid-data exception for a field that is missing or of another
 *       type, as they do for a program;
 *   <li>serialize: the event's builder, its typed setters ({@code itemId(String)}, {@code outputIndex(long)}, a
 *       nested object or list as the SDK's mapper reads it), {@code build()}, then the SDK's mapper;
 *   <li>reserialize: parse into the union, then the SDK's mapper writes whatever the union holds;
 *   <li>union: the payload into the union whatever its type: the member it made, or the raw JSON it kept.
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
    /** The exception the SDK documents for data it cannot read (its accessors throw it). */
    public Class<? extends Exception> invalidData;
    /** The union's member class for each event type it models, walked from the union by serve. */
    final Map<String, Class<?>> members = new LinkedHashMap<>();
  }

  public static void serve(Sdk sdk) throws IOException {
    sdk.members.putAll(members(sdk.union));
    Harness.Handlers h = new Harness.Handlers();
    h.parse = (event, payload) -> render(sdk, member(sdk, event, readUnion(sdk, payload)));
    h.serialize = (event, value) -> write(sdk, build(sdk, sdk.members.get(event), value));
    h.reserialize = (event, payload) -> write(sdk, readUnion(sdk, payload));
    h.union = payload -> made(sdk, readUnion(sdk, payload));
    warmUp(sdk);
    Harness.serve(sdk.name, sdk.version, new ArrayList<>(sdk.members.keySet()), h);
  }

  /** The union's members by event type, in the order of their names. */
  static Map<String, Class<?>> members(Class<?> union) {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    for (Method is : memberTests(union)) {
      Class<?> member;
      try {
        member = union.getMethod("as" + is.getName().substring(2)).getReturnType();
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(union.getSimpleName() + " has " + is.getName() + "() and no as" + is.getName().substring(2) + "()");
      }
      out.put(eventType(member), member);
    }
    return out;
  }

  /** A union's {@code isX()}: one per member. */
  static List<Method> memberTests(Class<?> union) {
    List<Method> out = new ArrayList<>();
    for (Method is : union.getMethods()) {
      if (!is.getName().startsWith("is") || is.getName().equals("isValid") || is.getParameterCount() != 0 || is.getReturnType() != boolean.class) continue;
      out.add(is);
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  /**
   * The {@code type} a member's builder starts with ({@code JsonValue.from("response.output_text.delta")}): the
   * constant the member always writes and validates, which has no public getter.
   */
  static String eventType(Class<?> member) {
    try {
      Object builder = member.getMethod("builder").invoke(null);
      java.lang.reflect.Field f = builder.getClass().getDeclaredField("type");
      f.setAccessible(true);
      Object type = f.get(builder);
      Object text = type.getClass().getMethod("asString").invoke(type);
      if (text instanceof Optional<?> o && o.isPresent() && o.get() instanceof String s) return s;
      throw new IllegalStateException("its builder's type is " + type);
    } catch (ReflectiveOperationException | IllegalStateException e) {
      throw new IllegalStateException("the event type of " + member.getSimpleName() + " cannot be read: " + e);
    }
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
    for (Class<?> c : sdk.members.values()) {
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

  /** The member a union holds, or null when it holds none (a union keeps what it could not type as raw JSON). */
  static Object active(Object union) throws Exception {
    for (Method is : memberTests(union.getClass())) {
      if ((Boolean) is.invoke(union)) return union.getClass().getMethod("as" + is.getName().substring(2)).invoke(union);
    }
    return null;
  }

  /**
   * The union's member when it is the event's class. An event the union typed as another member, or held only
   * as its raw JSON (its fallback for an event whose member it could not read), is a refusal of the event; what
   * it handed on untyped (null for the data {@code null}) is answered as it came.
   */
  static Object member(Sdk sdk, String event, Object read) throws Exception {
    if (read == null || !sdk.union.isInstance(read)) return Untyped.of(read);
    Class<?> want = sdk.members.get(event);
    Object m = active(read);
    if (want.isInstance(m)) return m;
    if (m != null) throw Refusal.parse("the union typed it as " + m.getClass().getSimpleName() + ", not " + want.getSimpleName());
    throw Refusal.parse("the union typed it as no member: it kept the event as raw JSON (its fallback for an event it could not read as " + want.getSimpleName() + ")");
  }

  /** What a program iterating the stream gets for the event: the member, or the union holding only the raw JSON. */
  static Harness.Made made(Sdk sdk, Object read) throws Exception {
    if (read == null || !sdk.union.isInstance(read)) return new Harness.Made(render(sdk, Untyped.of(read)), read == null ? "null" : read.getClass().getSimpleName());
    Object m = active(read);
    if (m != null) return new Harness.Made(render(sdk, m), m.getClass().getSimpleName());
    Object json = ((Optional<?>) sdk.union.getMethod("_json").invoke(read)).orElse(null);
    return new Harness.Made(value(sdk, json), sdk.union.getSimpleName() + " (unknown: its raw JSON, _json())");
  }

  /** What the union handed on without typing it, answered as it came. */
  record Untyped(Object value) {
    static Untyped of(Object v) {
      return new Untyped(v);
    }
  }

  /** The member's fields through its accessors, deep, in wire shape: what a Java program reads. */
  static Object render(Sdk sdk, Object member) throws Exception {
    if (member instanceof Untyped u) return u.value == null ? null : sdk.mapper.convertValue(u.value, Object.class);
    return value(sdk, member);
  }

  /** An SDK object: its modelled fields, each through its accessor; a map type (no fields) its entries. */
  private static Object object(Sdk sdk, Object o) throws Exception {
    List<Field> fields = fields(o.getClass());
    if (fields.isEmpty()) return value(sdk, o.getClass().getMethod("_additionalProperties").invoke(o));
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields) {
      Object v;
      try {
        v = (f.accessor != null ? f.accessor : f.raw).invoke(o);
      } catch (InvocationTargetException e) {
        if (sdk.invalidData.isInstance(e.getCause())) throw Refusal.parse(e.getCause().getMessage());
        throw e;
      }
      if (v instanceof Optional<?> opt) {
        if (opt.isEmpty()) {
          // the raw field tells null from not set: a program reading it there sees the null the payload sent
          if (f.accessor != null && f.raw.invoke(o).getClass().getSimpleName().equals("JsonNull")) out.put(f.wire, null);
          continue;
        }
        v = opt.get();
      }
      if (v != null && v.getClass().getSimpleName().equals("JsonMissing")) continue; // a raw field the payload did not set
      out.put(f.wire, value(sdk, v));
    }
    return out;
  }

  /** A nested union: the member it holds, read as the member; one that typed none is refused. */
  private static Object union(Sdk sdk, Object u) throws Exception {
    Object m;
    try {
      m = active(u);
    } catch (InvocationTargetException e) {
      if (sdk.invalidData.isInstance(e.getCause())) throw Refusal.parse(e.getCause().getMessage());
      throw e;
    }
    if (m != null) return value(sdk, m);
    // what a program's Visitor gets then: unknown(json), which throws the SDK's invalid-data exception unless overridden
    Object json = ((Optional<?>) u.getClass().getMethod("_json").invoke(u)).orElse(null);
    throw Refusal.parse("Unknown " + u.getClass().getSimpleName() + ": " + json + " (the union typed it as none of its members)");
  }

  private static boolean isModel(Class<?> c) {
    try {
      c.getMethod("builder");
      c.getMethod("_additionalProperties");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean isUnion(Class<?> c) {
    try {
      c.getMethod("_json");
      return !memberTests(c).isEmpty();
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Object value(Sdk sdk, Object v) throws Exception {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof BigDecimal) return v;
    if (v instanceof Double d) return Double.isFinite(d) ? d : d.toString(); // JSON has no Infinity: shown by name
    if (v instanceof List<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      for (Object x : items) out.add(value(sdk, x));
      return out;
    }
    if (v instanceof Map<?, ?> entries) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : entries.entrySet()) out.put(String.valueOf(e.getKey()), value(sdk, e.getValue()));
      return out;
    }
    if (isModel(v.getClass())) return object(sdk, v);
    if (isUnion(v.getClass())) return union(sdk, v);
    // a JsonValue (a type constant, an untyped field) or an SDK enum: its text when it has one, else what the value holds
    try {
      Object s = v.getClass().getMethod("asString").invoke(v);
      if (s instanceof String str) return str;
      if (s instanceof Optional<?> o && o.isPresent()) return o.get();
    } catch (NoSuchMethodException e) {
      // not text
    } catch (InvocationTargetException e) {
      if (sdk.invalidData.isInstance(e.getCause())) throw Refusal.parse(e.getCause().getMessage()); // an enum holding a non-string
      throw e;
    }
    return sdk.mapper.convertValue(v, Object.class);
  }

  /** A field the event models: its wire name, its typed accessor (null for the type, a raw JsonValue) and its raw one. */
  record Field(String wire, String name, Method accessor, Method raw) {}

  private static final Map<Class<?>, List<Field>> FIELDS = new HashMap<>();

  static List<Field> fields(Class<?> event) {
    List<Field> known = FIELDS.get(event);
    if (known != null) return known;
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
    FIELDS.put(event, out);
    return out;
  }

  private static boolean scalar(Class<?> c) {
    return c == String.class || c == long.class || c == Long.class || c == double.class || c == Double.class || c == boolean.class || c == Boolean.class;
  }

  /**
   * The event built as a program builds it: {@code Event.builder()}, one typed setter per field the value has
   * (the type through its JsonValue setter, a nested object or list as the SDK's mapper reads it), {@code
   * build()}. A value the setter's type cannot hold is unrepresentable: a program cannot pass it, and the
   * serializer never sees it.
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
      Object v;
      if (scalar(c)) {
        v = Values.as(f.wire, x, c == long.class ? Long.class : c == double.class ? Double.class : c == boolean.class ? Boolean.class : c);
      } else {
        try {
          v = sdk.mapper.readerFor(sdk.mapper.getTypeFactory().constructType(t)).readValue(x);
        } catch (IOException | IllegalArgumentException e) {
          throw Refusal.unrepresentable(f.wire, Harness.oneLine(x.toString()), c.getSimpleName());
        }
      }
      try {
        builder.getClass().getMethod(f.name, c).invoke(builder, v);
      } catch (InvocationTargetException e) {
        if (v == null && e.getCause() instanceof NullPointerException) throw Refusal.unrepresentable(f.wire, "null", c.getSimpleName()); // a program cannot pass null there
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
