import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height: 260 });
chart.setOption({ animation:false, textStyle:{fontFamily:'DejaVu Sans'}, xAxis:{type:'category', data:Array.from({length:700},(_,i)=>'d'+i)}, yAxis:{}, series:[{type:'line', data:Array.from({length:700},()=>Math.random()*100), showSymbol:false}] });
const svg = chart.renderToSVGString();
for (const mode of ['system','files','system','files']) {
  const t = performance.now();
  for (let i=0;i<5;i++) new Resvg(svg, { fitTo:{mode:'width',value:1120}, font: mode==='system' ? {loadSystemFonts:true, defaultFontFamily:'DejaVu Sans'} : {loadSystemFonts:false, fontFiles:['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf','/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'], defaultFontFamily:'DejaVu Sans'} }).render().asPng();
  console.log(mode, ((performance.now()-t)/5).toFixed(1), 'ms');
}
