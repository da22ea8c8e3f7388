package dev.portolan.scaffolder.internal;

import java.util.List;

/** The object {@code cycler(...)} returns: {@code current}, {@code next()}, {@code reset()}. */
final class Cycler {

  private final List<Object> items;
  private int index = -1;
  private Object current = Js.NULL;

  Cycler(List<Object> items) {
    this.items = List.copyOf(items);
  }

  Object member(String k) {
    return switch (k) {
      case "current" -> current;
      case "next" -> (JsFunction) (in, args) -> {
        index++;
        if (index >= items.size()) {
          index = 0;
        }
        current = items.isEmpty() ? Js.UNDEF : items.get(index);
        return current;
      };
      case "reset" -> (JsFunction) (in, args) -> {
        index = -1;
        current = Js.NULL;
        return Js.UNDEF;
      };
      default -> Js.UNDEF;
    };
  }
}
