package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.hibernate.community.dialect.SQLiteSqlAstTranslator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.sqm.tree.expression.NumericTypeCategory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.QueryLiteral;
import org.hibernate.sql.ast.tree.expression.UnparsedNumericLiteral;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * SQLite's SQL renderer with exact numeric literals: an HQL literal whose type is stored as decimal
 * text ({@code 123456789012345.6789bd}, or a literal compared with a {@code BigDecimal} path) is
 * written as that text, quoted; a {@code float} literal ({@code 0.1f}) is written as the double
 * that the float is, which is how {@code float} attributes are stored. Criteria literals ({@code
 * cb.literal(v)}) get the same float treatment, and infinities and strings holding U+0000, which
 * Hibernate would write as invalid SQL, are written in forms SQLite reads.
 *
 * <p>Hibernate copies numeric literals into the SQL as written, and SQLite reads a number with a
 * fraction, or an integer beyond 64 bits, as a double: {@code 123456789012345.6789} became {@code
 * 123456789012345.67} before it was compared with the exactly stored text. As text it is compared
 * by the column's {@code decimal} collation, digit for digit.
 */
class DataJarSqlAstTranslator<T extends JdbcOperation> extends SQLiteSqlAstTranslator<T> {
  DataJarSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
    super(sessionFactory, statement);
  }

  @Override
  public void visitQueryLiteral(QueryLiteral<?> literal) {
    Object v = literal.getLiteralValue();
    if (v instanceof Float f && Float.isFinite(f)) {
      // A criteria literal (cb.literal(0.1f)) would be written as 0.1: write the double the
      // float is, as for HQL's 0.1f below.
      appendSql(Double.toString(f));
    } else if ((v instanceof Double || v instanceof Float)
        && Double.isInfinite(((Number) v).doubleValue())) {
      // Java writes "Infinity", which SQL reads as a column name; SQLite reads 9e999 as +Inf.
      appendSql(((Number) v).doubleValue() > 0 ? "9e999" : "-9e999");
    } else if ((v instanceof String || v instanceof Character)
        && v.toString().indexOf('\0') >= 0
        && literal.getJdbcMapping().getValueConverter() == null) {
      // SQLite ends the statement at a NUL character, so a quoted literal cannot hold one;
      // the same UTF-8 bytes as a blob, cast to text, can.
      appendSql("cast(x'");
      appendSql(HexFormat.of().formatHex(v.toString().getBytes(StandardCharsets.UTF_8)));
      appendSql("' as text)");
    } else {
      super.visitQueryLiteral(literal);
    }
  }

  @Override
  public <N extends Number> void visitUnparsedNumericLiteral(UnparsedNumericLiteral<N> literal) {
    if (literal.getJdbcMapping().getJdbcType() instanceof TextJdbcType) {
      BigDecimal exact;
      try {
        // The text as written, not getLiteralValue(): a literal without the bd suffix is
        // already a rounded double there, even when it is compared with a decimal.
        exact = new BigDecimal(literal.getUnparsedLiteralValue());
      } catch (NumberFormatException e) {
        super.visitUnparsedNumericLiteral(literal);
        return;
      }
      appendSql('\'');
      appendSql(DecimalText.format(exact));
      appendSql('\'');
    } else if (literal.getTypeCategory() == NumericTypeCategory.FLOAT
        && Float.isFinite(literal.getLiteralValue().floatValue())) {
      // 0.1f is stored as the double nearest the float 0.1f (0.10000000149011612), not as the
      // double nearest 0.1: write that double so that = and < compare like Java's floats.
      appendSql(Double.toString(literal.getLiteralValue().floatValue()));
    } else {
      super.visitUnparsedNumericLiteral(literal);
    }
  }
}
