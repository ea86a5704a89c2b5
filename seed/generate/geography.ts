import type { Random } from './random.ts';

/**
 * Where the outside candidate pool sits: provinces weighted roughly by their share of China's
 * manufacturing firms, each with a few cities and their administrative-division codes (the USCC's
 * region part). Nanjing 栖霞区 is 320113.
 */
export interface Place {
  province: string;
  city: string;
  regionCode: string;
}

export const qixia: Place = { province: '江苏省', city: '南京市', regionCode: '320113' };

const provinces: { province: string; weight: number; cities: [string, string][] }[] = [
  {
    province: '江苏省',
    weight: 16,
    cities: [
      ['苏州市', '320500'],
      ['无锡市', '320200'],
      ['常州市', '320400'],
      ['南通市', '320600'],
      ['南京市', '320100'],
      ['泰州市', '321200'],
    ],
  },
  {
    province: '广东省',
    weight: 15,
    cities: [
      ['深圳市', '440300'],
      ['广州市', '440100'],
      ['东莞市', '441900'],
      ['佛山市', '440600'],
      ['珠海市', '440400'],
    ],
  },
  {
    province: '浙江省',
    weight: 12,
    cities: [
      ['杭州市', '330100'],
      ['宁波市', '330200'],
      ['嘉兴市', '330400'],
      ['绍兴市', '330600'],
      ['台州市', '331000'],
    ],
  },
  { province: '上海市', weight: 9, cities: [['上海市', '310100']] },
  { province: '北京市', weight: 7, cities: [['北京市', '110100']] },
  {
    province: '山东省',
    weight: 7,
    cities: [
      ['济南市', '370100'],
      ['青岛市', '370200'],
      ['烟台市', '370600'],
      ['潍坊市', '370700'],
    ],
  },
  {
    province: '安徽省',
    weight: 5,
    cities: [
      ['合肥市', '340100'],
      ['芜湖市', '340200'],
      ['滁州市', '341100'],
    ],
  },
  {
    province: '湖北省',
    weight: 4,
    cities: [
      ['武汉市', '420100'],
      ['襄阳市', '420600'],
    ],
  },
  {
    province: '四川省',
    weight: 4,
    cities: [
      ['成都市', '510100'],
      ['绵阳市', '510700'],
    ],
  },
  {
    province: '福建省',
    weight: 3,
    cities: [
      ['厦门市', '350200'],
      ['福州市', '350100'],
      ['宁德市', '350900'],
    ],
  },
  {
    province: '湖南省',
    weight: 3,
    cities: [
      ['长沙市', '430100'],
      ['株洲市', '430200'],
    ],
  },
  { province: '天津市', weight: 3, cities: [['天津市', '120100']] },
  {
    province: '河南省',
    weight: 3,
    cities: [
      ['郑州市', '410100'],
      ['洛阳市', '410300'],
    ],
  },
  { province: '陕西省', weight: 2, cities: [['西安市', '610100']] },
  { province: '重庆市', weight: 2, cities: [['重庆市', '500100']] },
  {
    province: '江西省',
    weight: 2,
    cities: [
      ['南昌市', '360100'],
      ['宜春市', '360900'],
    ],
  },
  {
    province: '辽宁省',
    weight: 2,
    cities: [
      ['沈阳市', '210100'],
      ['大连市', '210200'],
    ],
  },
  {
    province: '河北省',
    weight: 1,
    cities: [
      ['石家庄市', '130100'],
      ['保定市', '130600'],
    ],
  },
];

export function randomOutsidePlace(random: Random): Place {
  const p = random.weighted(provinces, (x) => x.weight);
  const [city, regionCode] = random.pick(p.cities);
  // Firms in Nanjing but outside 栖霞区 are outside the district too.
  return { province: p.province, city, regionCode };
}
