package org.apache.cassandra.cql3.functions.types;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * A CQL {@code date}: days since the epoch, with calendar fields computed by a UTC
 * proleptic Gregorian calendar (no Julian dates before 1582), as Cassandra's class of this name.
 */
public final class LocalDate {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final long millisSinceEpoch;
  private final int daysSinceEpoch;
  private final int year;
  private final int month;
  private final int dayOfMonth;

  private LocalDate(int daysSinceEpoch) {
    this.daysSinceEpoch = daysSinceEpoch;
    this.millisSinceEpoch = daysSinceEpoch * MILLIS_PER_DAY;
    GregorianCalendar c = calendar();
    c.setTimeInMillis(millisSinceEpoch);
    int y = c.get(Calendar.YEAR);
    this.year = c.get(Calendar.ERA) == GregorianCalendar.BC ? -y + 1 : y;
    this.month = c.get(Calendar.MONTH) + 1;
    this.dayOfMonth = c.get(Calendar.DAY_OF_MONTH);
  }

  private static GregorianCalendar calendar() {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    // proleptic Gregorian, as Cassandra's class: no switch to the Julian calendar before 1582
    c.setGregorianChange(new java.util.Date(Long.MIN_VALUE));
    c.clear();
    return c;
  }

  public static LocalDate fromDaysSinceEpoch(int daysSinceEpoch) {
    return new LocalDate(daysSinceEpoch);
  }

  public static LocalDate fromMillisSinceEpoch(long millisSinceEpoch) {
    long days = Math.floorDiv(millisSinceEpoch, MILLIS_PER_DAY);
    if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Date should be in the range [-5877641-06-23; 5881580-07-11]");
    }
    return new LocalDate((int) days);
  }

  public int getDaysSinceEpoch() {
    return daysSinceEpoch;
  }

  public int getYear() {
    return year;
  }

  public int getMonth() {
    return month;
  }

  public int getDay() {
    return dayOfMonth;
  }

  /** This date moved by {@code amount} of a {@code java.util.Calendar} field ({@code Calendar.DAY_OF_MONTH}...). */
  public LocalDate add(int field, int amount) {
    GregorianCalendar c = calendar();
    c.setTimeInMillis(millisSinceEpoch);
    c.add(field, amount);
    return fromMillisSinceEpoch(c.getTimeInMillis());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalDate && ((LocalDate) o).daysSinceEpoch == daysSinceEpoch;
  }

  @Override
  public int hashCode() {
    return daysSinceEpoch;
  }

  @Override
  public String toString() {
    return String.format("%d-%s-%s", year, pad(month), pad(dayOfMonth));
  }

  private static String pad(int i) {
    return i < 10 ? "0" + i : Integer.toString(i);
  }
}
