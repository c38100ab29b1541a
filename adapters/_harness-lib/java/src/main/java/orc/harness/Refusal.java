package orc.harness;

/**
 * A reply's error: parse_error or serialize_error when the SDK refused the input the way it documents,
 * unrepresentable when the SDK's type cannot hold a value (so its serializer was never called and refused
 * nothing), unsupported for an operation or model the harness does not have.
 */
public final class Refusal extends Exception {
  public final String kind;

  public Refusal(String kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public static Refusal parse(String message) {
    return new Refusal("parse_error", message);
  }

  public static Refusal serialize(String message) {
    return new Refusal("serialize_error", message);
  }

  public static Refusal unrepresentable(String field, String value, String type) {
    return new Refusal("unrepresentable", field + ": " + value + " is unrepresentable in the SDK's type " + type);
  }
}
