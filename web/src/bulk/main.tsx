import { mountPage } from "../ui/layout";
import { BulkPage } from "./bulk-page";
import "./bulk.css";

mountPage(<BulkPage />);
