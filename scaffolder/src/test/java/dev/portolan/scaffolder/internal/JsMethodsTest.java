package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.scaffolder.RenderLimits;
import dev.portolan.scaffolder.TemplateException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The String, Number and Array methods, in the default mode and as scaffolder-backend 4.x allows them. */
class JsMethodsTest {

  static final Engine CURRENT = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, false);
  static final Engine ALL = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, true);
  static final String CTX = "{\"name\":\"billing-api\",\"n\":8080.125,\"tags\":[\"core\",\"api\",\"Beta\",10,9],"
      + "\"meta\":{\"tier\":2,\"owner\":\"team-a\"}}";

  static JsonNode json(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Engine engine(boolean current) {
    return current ? CURRENT : ALL;
  }

  static String render(boolean current, String t) {
    return engine(current).render(t, "t", Syntax.BACKSTAGE, json(CTX));
  }

  static String cookiecutter(String t) {
    return CURRENT.render(t, "t", Syntax.COOKIECUTTER, json(CTX));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void numberMethods_eitherMode_formatAsJavaScript(boolean current) {
    assertThat(render(current, "${{ (1.005).toFixed(2) }} ${{ n.toFixed() }} ${{ n.toPrecision(3) }} "
        + "${{ n.toExponential(2) }} ${{ (255).toString(16) }} ${{ (0.5).toString(2) }} ${{ n.toString() }}"))
        .isEqualTo("1.00 8080 8.08e+3 8.08e+3 ff 0.1 8080.125");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void numberMethods_argumentOutOfRange_failWithLineAndColumn(boolean current) {
    assertThatThrownBy(() -> render(current, "x\n  ${{ n.toFixed(101) }}")).isInstanceOf(TemplateException.class)
        .hasMessage("t:2:16: toFixed() digits argument must be between 0 and 100, found 101");
    assertThatThrownBy(() -> render(current, "${{ n.toString(1) }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("radix must be between 2 and 36");
    assertThatThrownBy(() -> render(current, "${{ n.toPrecision(0) }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("between 1 and 100");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void charCodeAt_indexInsideAndOutside_givesCodeUnitOrNaN(boolean current) {
    assertThat(render(current, "${{ name.charCodeAt() }} ${{ name.charCodeAt(3) }} ${{ name.charCodeAt(-1) }} "
        + "${{ \"€\".charCodeAt(0) }}")).isEqualTo("98 108 NaN 8364");
  }

  @Test
  void lastIndexOf_position_searchesBackwardsFromIt() {
    assertThat(render(true, "${{ name.lastIndexOf(\"i\") }} ${{ name.lastIndexOf(\"i\", 5) }} "
        + "${{ name.lastIndexOf(\"i\", -3) }}")).isEqualTo("10 4 -1");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void arrayReaders_relativeIndices_countFromTheEnd(boolean current) {
    assertThat(render(current, "${{ tags.at(-1) }} ${{ tags.at(9) }} ${{ tags.includes(10, -2) }} "
        + "${{ tags.indexOf(\"core\", 1) }} ${{ [1, 2, 1].lastIndexOf(1, -2) }} ${{ [0/0].includes(0/0) }} "
        + "${{ [0/0].indexOf(0/0) }}")).isEqualTo("9  true -1 0 true -1");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void flat_depth_flattensThatManyLevels(boolean current) {
    assertThat(render(current, "${{ [1, [2, [3, [4]]]].flat() | dump }} ${{ [1, [2, [3, [4]]]].flat(1/0) | dump }} "
        + "${{ [[1]].flat(-1) | dump }}")).isEqualTo("[1,2,[3,[4]]] [1,2,3,4] [[1]]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void mutatingMethods_localArray_changeItInPlace(boolean current) {
    assertThat(render(current, "{% set a = [3, 1, 2] %}${{ a.push(4, 5) }} ${{ a.pop() }} ${{ a.shift() }} "
        + "${{ a.unshift(0) }} ${{ a.reverse() | dump }} ${{ a | dump }}"))
        .isEqualTo("5 5 3 4 [4,2,1,0] [4,2,1,0]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void splice_startCountAndItems_removeAndInsert(boolean current) {
    assertThat(render(current, "{% set c = [\"a\", \"b\", \"c\", \"d\"] %}${{ c.splice(1, 2) | dump }} "
        + "${{ c.splice(-1, 1, \"x\", \"y\") | dump }} ${{ c | dump }} ${{ c.splice() | dump }} "
        + "${{ c.splice(0, -1, \"z\") | dump }} ${{ c.splice(2) | dump }} ${{ c | dump }}"))
        .isEqualTo("[\"b\",\"c\"] [\"d\"] [\"a\",\"x\",\"y\"] [] [] [\"x\",\"y\"] [\"z\",\"a\"]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void fillAndCopyWithin_relativeRanges_overwriteInPlace(boolean current) {
    assertThat(render(current, "${{ [1, 2, 3, 4].fill(0, 1, -1) | dump }} ${{ [1, 2, 3, 4].fill(\"x\", -2) | dump }} "
        + "${{ [1, 2, 3, 4, 5].copyWithin(1, 0, 3) | dump }} ${{ [1, 2, 3, 4, 5].copyWithin(-2) | dump }}"))
        .isEqualTo("[1,0,0,4] [1,2,\"x\",\"x\"] [1,1,2,3,5] [1,2,3,1,2]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void sort_withoutComparison_ordersByStringFormUndefinedLast(boolean current) {
    assertThat(render(current, "${{ [10, 9, 1, \"b\", \"B\", undefined, true, null, 100, 2].sort() | dump }}"))
        .isEqualTo("[1,10,100,2,9,\"B\",\"b\",null,true,null]");
  }

  @Test
  void sort_comparisonMacroInDefaultMode_ordersByItsSign() {
    assertThat(render(false, "{% macro desc(a, b) %}${{ b - a }}{% endmacro %}"
        + "${{ [3, 10, 1].sort() | join(\",\") }} ${{ [3, 10, 1].sort(desc) | join(\",\") }}"))
        .isEqualTo("1,10,3 10,3,1");
    assertThatThrownBy(() -> render(true, "${{ [3, 1].sort(1) }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("requires 0 positional arguments");
    assertThatThrownBy(() -> render(false, "${{ [3, 1].sort(1) }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("comparison function of sort must be a function");
  }

  @Test
  void arity_outsideBackstagesBounds_failsNamingTheMethod() {
    assertThatThrownBy(() -> render(true, "${{ tags.at() }}")).isInstanceOf(TemplateException.class)
        .hasMessage("t:1:12: the method 'at' requires 1 positional arguments, found 0");
    assertThatThrownBy(() -> render(true, "${{ n.toFixed(1, 2) }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("requires 0 to 1 positional arguments, found 2");
    assertThatThrownBy(() -> render(true, "${{ name.replace(\"a\") }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("'replace' requires 2 positional arguments");
    assertThatThrownBy(() -> render(true, "${{ tags.join(sep=\",\") }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("does not accept keyword arguments");
    assertThat(render(false, "${{ tags.at() }}")).isEqualTo("core");
  }

  @Test
  void mutation_contextArray_staysInsideOneRender() {
    Engine.Compiled t = CURRENT.compile("${{ tags.push(\"x\") }} ${{ tags | join(\",\") }}", "t", Syntax.BACKSTAGE);
    JsonNode ctx = json(CTX);
    assertThat(t.render(ctx)).isEqualTo("6 core,api,Beta,10,9,x");
    assertThat(t.render(ctx)).isEqualTo("6 core,api,Beta,10,9,x");
    assertThat(ctx.path("tags")).hasSize(5);
  }

  @Test
  void cookiecutterListMethods_currentMode_useJavaScriptIndexSemantics() {
    assertThat(cookiecutter("{% set l = [\"a\", \"b\", \"c\"] %}{{ l.append(\"d\") }} {{ l.count(\"a\") }} "
        + "{{ l.find(\"z\") }} {{ l.index(\"b\") }} {{ l.insert(-1, \"y\") | length }} {{ l.remove(\"z\") | length }} "
        + "{{ l.remove(\"a\") | join }} {{ l.pop(10) }}|{{ l.pop(-2) }} {{ l | join(\",\") }}"))
        .isEqualTo("4 1 -1 1 0 0 a |y b,c,d");
  }

  @Test
  void cookiecutterDictMethods_currentMode_yieldToAKeyOfTheSameName() {
    assertThat(cookiecutter("{{ meta.keys() | join(\",\") }} {{ meta.values() | join(\",\") }} "
        + "{% for k, v in meta.items() %}{{ k }}={{ v }};{% endfor %} {{ meta.get(\"none\", \"d\") }} "
        + "{{ meta.get(\"none\") }}|{{ meta.has_key(\"tier\") }} {% set o = {\"keys\": \"own\"} %}{{ o.keys }}"))
        .isEqualTo("tier,owner 2,team-a tier=2;owner=team-a; d |true own");
  }

  @Test
  void mutation_insideALoopOverTheSameArray_endsAtTheRenderBudget() {
    assertThatThrownBy(() -> render(true, "{% set a = [1] %}{% for x in a %}${{ a.push(x) }}{% endfor %}"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("budget");
  }

  @Test
  void flat_arrayContainingItself_failsInsteadOfRecursingForever() {
    assertThatThrownBy(() -> render(true, "{% set a = [1] %}${{ a.push(a) }}${{ a.flat(1/0) | length }}"))
        .isInstanceOf(TemplateException.class);
  }
}
