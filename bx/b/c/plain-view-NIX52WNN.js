import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  PlainView
} from "./chunk-NTIWJ5KW.js";
import "./chunk-UADUSSYU.js";
import "./chunk-OXHHG2RI.js";
export {
  PlainView
};
