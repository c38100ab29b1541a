package orc.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A request's value put in the Java type a setter takes, as a program would: from the number's exact decimal
 * (the request is read losslessly), never rounded on the way. What the type cannot hold (0.5 or 1e21 in a long,
 * 1e400 in a double, a number in a String) is unrepresentable. A negative zero reads as 0: the exact decimal
 * (BigDecimal) has no sign of zero, and Java's integer types have none either.
 */
final class Values {
  private Values() {}

  static Object as(String field, JsonNode x, Class<?> type) throws Refusal {
    if (type == String.class && x.isTextual()) return x.textValue();
    if (type == Boolean.class && x.isBoolean()) return x.booleanValue();
    if ((type == Long.class || type == Double.class) && x.isNumber()) {
      BigDecimal d = x.isIntegralNumber() ? new BigDecimal(x.bigIntegerValue()) : x.decimalValue();
      if (type == Long.class) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException e) {
          throw Refusal.unrepresentable(field, x.toString(), "long");
        }
      }
      double v = Double.parseDouble(d.toString()); // correctly rounded, unlike BigDecimal.doubleValue before JDK 19
      if (!Double.isFinite(v)) throw Refusal.unrepresentable(field, x.toString(), "double");
      return v;
    }
    throw Refusal.unrepresentable(field, x.toString(), type.getSimpleName());
  }
}
