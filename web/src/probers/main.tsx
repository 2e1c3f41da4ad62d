import { mountPage } from "../ui/layout";
import { ProbersPage } from "./probers-page";
import "./probers.css";

mountPage(<ProbersPage />);
