/**
 * The district's clock, for everything that states a day or a time: a health record's day is a calendar
 * day in Nanjing (a record written at 01:00 Beijing time belongs to that day, not the previous UTC one),
 * and an export says its times in local time and which zone it means. China keeps no summer time, so
 * the offset is fixed.
 */
export const districtTime = { timeZone: 'Asia/Shanghai', zoneLabel: '北京时间', utcOffset: '+08:00' } as const;
